"""Orders typed into mail bodies in the languages of South, Central and South-East Asia, the
Caucasus and Ethiopia (``wide/eml/lang-*``): Persian, Urdu, Bengali, Tamil, Telugu, Armenian,
Georgian, Azerbaijani, Kazakh, Uzbek, Belarusian, Nepali, Amharic, Khmer, Burmese, Pashto, Sinhala,
Lao, Tajik and Kyrgyz, each described by a language file.

``generate.py`` calls :func:`build` after the other wide families. Every order is drawn from a
ground truth made here (the buyer, the parts in the buyer's words, how the buyer's keyboard
writes numbers and dates) and its golden file is written from that truth, never from mailflow's
output. Per language:

* a plain-text order, its table set out with tabs (or, in the scripts whose letters are all
  one column wide, aligned with spaces): the labels, the column headings, the units and the
  total row in the language, the numbers as its buyers write them (1 234,50; 1,23,456.00 in
  lakhs; Persian, Bengali, Devanagari, Khmer and Myanmar digits);
* the same kind of order as Outlook or Gmail writes an HTML mail (``<p class="MsoNormal">`` and
  a bordered table; Gmail's ``<div dir="ltr">`` / ``dir="rtl"`` and a table without a class);
* for some languages, the order forwarded by a colleague under the header block a localised
  Outlook writes ("از: / ارسال شده: / به: / موضوع:", "ვისგან: / გაგზავნილია: / ვის: / თემა:"),
  or a reply above the supplier's quoted quotation (the "... wrote:" line in the language):
  the order is the forwarded one, its sender's company the customer; the quotation is not read.

All of them are unambiguous: the golden files ask for every header field and line, and no review.
"""

from __future__ import annotations

import random
import zlib
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from html import escape
from typing import Any

import families as f
import generate as g
from families_body import group

SEED = 20261206
MAIL_DAY = datetime(2026, 12, 2, 10, 15, 0, tzinfo=timezone.utc)
COLLEAGUE = ("Anna Kovacs", "anna.kovacs@example.com")
SALES = "sales@example.com"
QTYS = [50, 120, 250, 400, 600, 1500, 2400, 5000]

NATIVE_DIGITS = {
    "persian": str.maketrans("0123456789.,", "۰۱۲۳۴۵۶۷۸۹٫٬"),
    "bengali": str.maketrans("0123456789", "০১২৩৪৫৬৭৮৯"),
    "devanagari": str.maketrans("0123456789", "०१२३४५६७८९"),
    "khmer": str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩"),
    "myanmar": str.maketrans("0123456789", "၀၁၂၃၄၅၆၇၈၉"),
}

# The words of each language's order, as its buyers write them: greeting, request, the header
# labels, the table's column headings, total, closing, units, parts; number and date styles.
LANG: dict[str, dict[str, Any]] = {
    "fa": dict(
        hello="با سلام و احترام،",
        ask="لطفاً اقلام زیر را طبق سفارش خرید ارسال فرمایید:",
        po="شماره سفارش",
        date="تاریخ سفارش",
        delivery="تاریخ تحویل",
        currency="ارز",
        cols=["ردیف", "کد کالا", "شرح کالا", "تعداد", "واحد", "قیمت واحد", "مبلغ کل"],
        total="جمع کل",
        bye="با تشکر",
        num="en",
        dates="ymd",
        digits="persian",
        rtl=True,
        units=["عدد", "دستگاه"],
        subject="سفارش خرید {po}",
        buyer=(
            "شرکت فن‌آوران پارس (سهامی خاص)",
            ["خیابان صنعت، پلاک ۱۲", "تهران"],
            "مریم احمدی",
            "kharid@fanavaran.example",
        ),
        currency_code="USD",
        descs=["بلبرینگ 608ZZ", "پیچ M6x20 استیل", "براکت 40 میلی‌متر", "گلند کابل PG9", "فنر 8 میلی‌متر"],
        forward=(
            "از",
            "ارسال شده",
            "به",
            "موضوع",
            "شنبه، ۲۸ نوامبر ۲۰۲۶ ۱۰:۱۲ ق.ظ.",
        ),
    ),
    "ur": dict(
        hello="محترم جناب،",
        ask="براہ کرم درج ذیل اشیاء ہمارے پرچیز آرڈر کے مطابق فراہم کریں:",
        po="آرڈر نمبر",
        date="آرڈر کی تاریخ",
        delivery="ترسیل کی تاریخ",
        currency="کرنسی",
        cols=["نمبر شمار", "آئٹم کوڈ", "تفصیل", "مقدار", "اکائی", "قیمت فی یونٹ", "رقم"],
        total="کل رقم",
        bye="شکریہ",
        num="en",
        dates="dmy",
        digits="latin",
        rtl=True,
        units=["عدد", "سیٹ"],
        subject="پرچیز آرڈر {po}",
        buyer=(
            "الفلاح انجینئرنگ (پرائیویٹ) لمیٹڈ",
            ["پلاٹ 14، سائٹ ایریا", "کراچی"],
            "عمران قریشی",
            "purchase@alfalah-eng.example",
        ),
        currency_code="PKR",
        descs=["بیئرنگ 608ZZ", "اسکرو M6x20 اسٹیل", "بریکٹ 40 ملی میٹر", "کیبل گلینڈ PG9", "اسپرنگ 8 ملی میٹر"],
    ),
    "bn": dict(
        hello="জনাব,",
        ask="আমাদের ক্রয় আদেশ অনুযায়ী নিম্নলিখিত পণ্য সরবরাহ করার অনুরোধ করছি।",
        po="ক্রয় আদেশ নং",
        date="তারিখ",
        delivery="ডেলিভারির তারিখ",
        currency="মুদ্রা",
        cols=["ক্রমিক নং", "পণ্য কোড", "বিবরণ", "পরিমাণ", "একক", "একক মূল্য", "মোট মূল্য"],
        total="সর্বমোট",
        bye="ধন্যবাদান্তে,",
        num="indian",
        dates="dmy",
        digits="bengali",
        units=["পিস", "সেট"],
        subject="ক্রয় আদেশ {po}",
        buyer=(
            "মেঘনা টেক্সটাইল মিলস লিমিটেড",
            ["প্লট ২২, বিসিক শিল্প নগরী", "নারায়ণগঞ্জ"],
            "রফিকুল ইসলাম",
            "procurement@meghnatex.example",
        ),
        currency_code="BDT",
        descs=["বিয়ারিং 608ZZ", "স্ক্রু M6x20 স্টিল", "ব্র্যাকেট 40 মিমি", "কেবল গ্ল্যান্ড PG9", "স্প্রিং 8 মিমি"],
    ),
    "ta": dict(
        hello="அன்புடையீர்,",
        ask="எங்கள் கொள்முதல் ஆணையின்படி பின்வரும் பொருட்களை அனுப்ப வேண்டுகிறோம்.",
        po="கொள்முதல் ஆணை எண்",
        date="ஆணை தேதி",
        delivery="விநியோக தேதி",
        currency="நாணயம்",
        cols=["வ.எண்", "பொருள் குறியீடு", "பொருள் விவரம்", "அளவு", "அலகு", "அலகு விலை", "தொகை"],
        total="மொத்தம்",
        bye="நன்றி,",
        num="indian",
        dates="dmy",
        digits="latin",
        units=["எண்", "செட்"],
        subject="கொள்முதல் ஆணை {po}",
        buyer=(
            "ஸ்ரீ முருகன் இன்ஜினியரிங் பிரைவேட் லிமிடெட்",
            ["12, சிட்கோ தொழிற்பேட்டை", "கோயம்புத்தூர் 641021"],
            "செந்தில் குமார்",
            "purchase@srimurugan.example",
        ),
        currency_code="INR",
        descs=["பேரிங் 608ZZ", "திருகு M6x20 எஃகு", "பிராக்கெட் 40 மி.மீ", "கேபிள் கிளாண்ட் PG9", "ஸ்பிரிங் 8 மி.மீ"],
    ),
    "te": dict(
        hello="గౌరవనీయులైన సరఫరాదారు గారికి,",
        ask="మా కొనుగోలు ఆర్డర్ ప్రకారం ఈ క్రింది వస్తువులను సరఫరా చేయవలసిందిగా కోరుతున్నాము.",
        po="ఆర్డర్ సంఖ్య",
        date="ఆర్డర్ తేదీ",
        delivery="డెలివరీ తేదీ",
        currency="కరెన్సీ",
        cols=["క్ర.సం", "వస్తువు కోడ్", "వివరణ", "పరిమాణం", "యూనిట్", "యూనిట్ ధర", "విలువ"],
        total="మొత్తం",
        bye="ధన్యవాదాలు,",
        num="indian",
        dates="dmy",
        digits="latin",
        units=["సెట్", "జత"],
        subject="కొనుగోలు ఆర్డర్ {po}",
        buyer=(
            "శ్రీ వెంకటేశ్వర ఇండస్ట్రీస్ ప్రైవేట్ లిమిటెడ్",
            ["ప్లాట్ 7, ఇండస్ట్రియల్ ఎస్టేట్", "విజయవాడ 520007"],
            "రాజేష్ రెడ్డి",
            "purchase@svindustries.example",
        ),
        currency_code="INR",
        descs=["బేరింగ్ 608ZZ", "స్క్రూ M6x20 స్టీల్", "బ్రాకెట్ 40 మి.మీ", "కేబుల్ గ్లాండ్ PG9", "స్ప్రింగ్ 8 మి.మీ"],
    ),
    "hy": dict(
        hello="Հարգելի գործընկերներ,",
        ask="Խնդրում ենք մատակարարել հետևյալ ապրանքները՝ համաձայն մեր պատվերի։",
        po="Պատվերի համար",
        date="Պատվերի ամսաթիվ",
        delivery="Մատակարարման ամսաթիվ",
        currency="Արժույթ",
        cols=["հ/հ", "Կոդ", "Անվանում", "Քանակ", "Միավոր", "Միավորի գին", "Գումար"],
        total="Ընդամենը",
        bye="Հարգանքով՝",
        num="nbsp",
        dates="dotted",
        digits="latin",
        units=["հատ", "կոմպլեկտ"],
        subject="Պատվեր {po}",
        buyer=(
            "«Արարատ Մետաղ» ՍՊԸ",
            ["Արշակունյաց պող. 34", "Երևան 0023"],
            "Արմեն Հակոբյան",
            "gnumner@ararat-metal.example",
        ),
        currency_code="USD",
        descs=["Առանցքակալ 608ZZ", "Պտուտակ M6x20 չժանգոտվող", "Կրոնշտեյն 40 մմ", "Մալուխի սեղմիչ PG9", "Զսպանակ 8 մմ"],
        forward=("Ումից", "Ուղարկված է", "Ում", "Թեմա", "Շաբաթ, 28 նոյեմբերի, 2026 10:12"),
    ),
    "ka": dict(
        hello="გამარჯობა,",
        ask="გთხოვთ მოგვაწოდოთ შემდეგი პროდუქცია ჩვენი შეკვეთის მიხედვით:",
        po="შეკვეთის ნომერი",
        date="შეკვეთის თარიღი",
        delivery="მიწოდების თარიღი",
        currency="ვალუტა",
        cols=["№", "კოდი", "დასახელება", "რაოდენობა", "ერთეული", "ერთეულის ფასი", "თანხა"],
        total="სულ",
        bye="პატივისცემით,",
        num="space",
        dates="dotted",
        digits="latin",
        units=["ცალი", "კომპლექტი"],
        subject="შეკვეთა {po}",
        buyer=(
            "შპს კავკასია ტექნიკა",
            ["წერეთლის გამზ. 118", "თბილისი 0119"],
            "ნინო ბერიძე",
            "shesyidvebi@kavkasia-teq.example",
        ),
        currency_code="EUR",
        descs=["საკისარი 608ZZ", "ჭანჭიკი M6x20 უჟანგავი", "სამაგრი 40 მმ", "კაბელის ჯირკვალი PG9", "ზამბარა 8 მმ"],
        forward=("ვისგან", "გაგზავნილია", "ვის", "თემა", "შაბათი, 28 ნოემბერი, 2026 10:12"),
    ),
    "az": dict(
        hello="Hörmətli tərəfdaşlar,",
        ask="Satınalma sifarişimizə əsasən aşağıdakı malları təchiz etməyinizi xahiş edirik.",
        po="Sifariş nömrəsi",
        date="Sifariş tarixi",
        delivery="Çatdırılma tarixi",
        currency="Valyuta",
        cols=["S/s", "Kod", "Məhsulun adı", "Miqdar", "Ölçü vahidi", "Qiymət", "Məbləğ"],
        total="Cəmi",
        bye="Hörmətlə,",
        num="de",
        dates="dotted",
        digits="latin",
        units=["ədəd", "dəst"],
        subject="Satınalma sifarişi {po}",
        buyer=(
            "Xəzər Texnika MMC",
            ["Babək prospekti 45", "Bakı AZ1025"],
            "Elvin Məmmədov",
            "satinalma@xezer-texnika.example",
        ),
        currency_code="AZN",
        descs=["Podşipnik 608ZZ", "Bolt M6x20 paslanmayan", "Kronşteyn 40 mm", "Kabel keçidi PG9", "Yay 8 mm"],
        forward=("Kimdən", "Göndərilib", "Kimə", "Mövzu", "28 noyabr 2026, şənbə 10:12"),
    ),
    "kk": dict(
        hello="Құрметті әріптестер,",
        ask="Тапсырысымызға сәйкес келесі тауарларды жеткізуді сұраймыз.",
        po="Тапсырыс нөмірі",
        date="Тапсырыс күні",
        delivery="Жеткізу мерзімі",
        currency="Валюта",
        cols=["Р/с", "Артикул", "Тауардың атауы", "Саны", "Өлшем бірлігі", "Бағасы", "Сомасы"],
        total="Барлығы",
        bye="Құрметпен,",
        num="nbsp",
        dates="dotted",
        digits="latin",
        units=["дана", "жиынтық"],
        subject="Тапсырыс {po}",
        buyer=(
            "«Дала Машина» ЖШС",
            ["Райымбек даңғылы 221", "Алматы 050034"],
            "Айгүл Серікова",
            "satyp.alu@dala-mashina.example",
        ),
        currency_code="KZT",
        descs=[
            "Мойынтірек 608ZZ",
            "Бұранда M6x20 тот баспайтын",
            "Кронштейн 40 мм",
            "Кабель енгізгіші PG9",
            "Серіппе 8 мм",
        ],
    ),
    "uz": dict(
        hello="Hurmatli hamkorlar,",
        ask="Buyurtmamizga muvofiq quyidagi mahsulotlarni yetkazib berishingizni so'raymiz.",
        po="Buyurtma raqami",
        date="Buyurtma sanasi",
        delivery="Yetkazib berish sanasi",
        currency="Valyuta",
        cols=["T/r", "Kod", "Mahsulot nomi", "Miqdori", "O'lchov birligi", "Narxi", "Summasi"],
        total="Jami",
        bye="Hurmat bilan,",
        num="space",
        dates="dotted",
        digits="latin",
        units=["dona", "komplekt"],
        subject="Buyurtma {po}",
        buyer=(
            "Samarqand Mash Servis MChJ",
            ["Amir Temur ko'chasi 88", "Samarqand 140100"],
            "Dilshod Karimov",
            "xarid@samarqand-mash.example",
        ),
        currency_code="UZS",
        descs=[
            "Podshipnik 608ZZ",
            "Bolt M6x20 zanglamaydigan",
            "Kronshteyn 40 mm",
            "Kabel kiritgich PG9",
            "Prujina 8 mm",
        ],
    ),
    "be": dict(
        hello="Добры дзень,",
        ask="просім паставіць наступныя тавары згодна з нашай замовай:",
        po="Нумар замовы",
        date="Дата замовы",
        delivery="Тэрмін пастаўкі",
        currency="Валюта",
        cols=["№ п/п", "Артыкул", "Найменне", "Колькасць", "Адз. вым.", "Цана", "Сума"],
        total="Усяго",
        bye="З павагай,",
        num="space",
        dates="dotted",
        digits="latin",
        units=["шт.", "кампл"],
        subject="Замова {po}",
        buyer=(
            "ТАА «Нёман Тэхнапрам»",
            ["вул. Прамысловая 14", "220075 Мінск"],
            "Алена Шыдлоўская",
            "zakupki@nioman-tp.example",
        ),
        currency_code="BYN",
        descs=["Падшыпнік 608ZZ", "Болт M6x20 нержавеючы", "Кранштэйн 40 мм", "Кабельны ўвод PG9", "Спружына 8 мм"],
    ),
    "ne": dict(
        hello="नमस्ते,",
        ask="हाम्रो खरिद आदेश अनुसार तलका सामानहरू आपूर्ति गरिदिनुहुन अनुरोध छ।",
        po="खरिद आदेश नं",
        date="आदेश मिति",
        delivery="डेलिभरी मिति",
        currency="मुद्रा",
        cols=["क्र.सं.", "सामान कोड", "विवरण", "परिमाण", "एकाइ", "दर", "रकम"],
        total="कुल जम्मा",
        bye="धन्यवाद,",
        num="en",
        dates="dmy",
        digits="devanagari",
        units=["थान", "सेट"],
        subject="खरिद आदेश {po}",
        buyer=("हिमालय हार्डवेयर प्रा.लि.", ["बालाजु औद्योगिक क्षेत्र", "काठमाडौं"], "सुनिता श्रेष्ठ", "kharid@himalaya-hw.example"),
        currency_code="NPR",
        descs=["बेयरिङ 608ZZ", "स्क्रु M6x20 स्टिल", "ब्राकेट 40 मिमि", "केबल ग्ल्यान्ड PG9", "स्प्रिङ 8 मिमि"],
    ),
    "am": dict(
        hello="ጤና ይስጥልኝ,",
        ask="በግዢ ትዕዛዛችን መሰረት የሚከተሉትን እቃዎች እንዲያቀርቡልን እንጠይቃለን።",
        po="የትዕዛዝ ቁጥር",
        date="የትዕዛዝ ቀን",
        delivery="የማስረከቢያ ቀን",
        currency="የገንዘብ ዓይነት",
        cols=["ተ.ቁ", "የእቃ ኮድ", "የእቃው ዝርዝር", "ብዛት", "መለኪያ", "የአንዱ ዋጋ", "ጠቅላላ ዋጋ"],
        total="ጠቅላላ ድምር",
        bye="ከሰላምታ ጋር,",
        num="en",
        dates="dmy",
        digits="latin",
        units=["ፍሬ", "ስብስብ"],
        subject="የግዢ ትዕዛዝ {po}",
        buyer=("አባይ ኢንዱስትሪያል ኃ.የተ.የግ.ማ", ["ቦሌ ክፍለ ከተማ፣ ወረዳ 03", "አዲስ አበባ"], "ሰላም ታደሰ", "gizhi@abay-industrial.example"),
        currency_code="ETB",
        descs=["ቢሪንግ 608ZZ", "ብሎን M6x20", "ማያያዣ 40 ሚሜ", "የኬብል ማስገቢያ PG9", "ስፕሪንግ 8 ሚሜ"],
    ),
    "km": dict(
        hello="ជម្រាបសួរ,",
        ask="សូមផ្គត់ផ្គង់ទំនិញខាងក្រោមតាមប័ណ្ណបញ្ជាទិញរបស់យើង។",
        po="លេខបញ្ជាទិញ",
        date="កាលបរិច្ឆេទបញ្ជាទិញ",
        delivery="កាលបរិច្ឆេទប្រគល់ទំនិញ",
        currency="រូបិយប័ណ្ណ",
        cols=["ល.រ", "លេខកូដ", "ឈ្មោះទំនិញ", "បរិមាណ", "ឯកតា", "តម្លៃឯកតា", "តម្លៃសរុប"],
        total="សរុបរួម",
        bye="សូមអរគុណ,",
        num="en",
        dates="dmy",
        digits="khmer",
        units=["គ្រឿង", "ឈុត"],
        subject="ប័ណ្ណបញ្ជាទិញ {po}",
        buyer=("ក្រុមហ៊ុន អង្គរ ម៉ាស៊ីន ឯ.ក", ["ផ្លូវ ២៧១ សង្កាត់ទួលទំពូង", "ភ្នំពេញ"], "សុខ ចាន់ធី", "tinh@angkor-machine.example"),
        currency_code="USD",
        descs=["គ្រាប់បាល់ 608ZZ", "ឡោស៊ីន M6x20", "ជើងទម្រ 40 mm", "ក្បាលខ្សែ PG9", "ស្ព្រីង 8 mm"],
    ),
    "my": dict(
        hello="မင်္ဂလာပါ,",
        ask="ကျွန်ုပ်တို့၏ အဝယ်အော်ဒါအတိုင်း အောက်ပါပစ္စည်းများကို ပေးပို့ပေးပါရန် မေတ္တာရပ်ခံအပ်ပါသည်။",
        po="အော်ဒါနံပါတ်",
        date="အော်ဒါရက်စွဲ",
        delivery="ပို့ဆောင်ရမည့်ရက်",
        currency="ငွေကြေး",
        cols=["စဉ်", "ပစ္စည်းကုဒ်", "ပစ္စည်းအမည်", "အရေအတွက်", "ယူနစ်", "ဈေးနှုန်း", "ကျသင့်ငွေ"],
        total="စုစုပေါင်း",
        bye="ကျေးဇူးတင်ပါသည်။",
        num="en",
        dates="dmy",
        digits="myanmar",
        units=["ခု", "စုံ"],
        subject="အဝယ်အော်ဒါ {po}",
        buyer=("ရွှေမြို့ စက်မှု ကုမ္ပဏီလီမိတက်", ["အမှတ် ၁၂၊ လှိုင်သာယာ စက်မှုဇုန်", "ရန်ကုန်"], "ဒေါ်နီလာ", "purchase@shwemyo.example"),
        currency_code="MMK",
        descs=["ဘယ်ရင် 608ZZ", "ဝက်အူ M6x20", "ကလစ် 40 mm", "ကေဘယ်ဂလင်း PG9", "စပရိန် 8 mm"],
    ),
    "ps": dict(
        hello="ګرانو ملګرو، سلامونه،",
        ask="مهرباني وکړئ لاندې توکي زموږ د پېرود امر سره سم راولېږئ:",
        po="د امر شمېره",
        date="د امر نېټه",
        delivery="د سپارنې نېټه",
        currency="اسعار",
        cols=["ګڼه", "کوډ", "تشریح", "مقدار", "واحد", "د واحد بیه", "ټوله بیه"],
        total="ټولټال",
        bye="مننه",
        num="en",
        dates="dmy",
        digits="latin",
        rtl=True,
        units=["دانې", "عدد"],
        subject="د پېرود امر {po}",
        buyer=(
            "Kabul Sanati Tajhizat Ltd",
            ["Jada-e-Maiwand 21", "Kabul"],
            "احمد شاه ولي",
            "kharid@kabul-sanati.example",
        ),
        currency_code="AFN",
        descs=["بیرینګ 608ZZ", "پېچ M6x20", "براکټ 40 mm", "د کېبل ګلینډ PG9", "فنر 8 mm"],
    ),
    "si": dict(
        hello="ආයුබෝවන්,",
        ask="කරුණාකර අපගේ මිලදී ගැනීමේ ඇණවුමට අනුව පහත භාණ්ඩ සපයන්න:",
        po="ඇණවුම් අංකය",
        date="ඇණවුම් දිනය",
        delivery="බෙදාහැරීමේ දිනය",
        currency="මුදල් වර්ගය",
        cols=["අනු අංකය", "අයිතම කේතය", "විස්තරය", "ප්‍රමාණය", "ඒකකය", "ඒකක මිල", "වටිනාකම"],
        total="මුළු එකතුව",
        bye="ස්තූතියි,",
        num="en",
        dates="ymd",
        digits="latin",
        units=["කෑලි", "ඒකක"],
        subject="මිලදී ගැනීමේ ඇණවුම {po}",
        buyer=(
            "Lanka Precision Engineering (Pvt) Ltd",
            ["No. 42, Galle Road", "Colombo 03"],
            "නිමල් පෙරේරා",
            "purchasing@lanka-precision.example",
        ),
        currency_code="LKR",
        descs=["බෙයාරිං 608ZZ", "ඉස්කුරුප්පු M6x20", "බ්‍රැකට් 40 mm", "කේබල් ග්ලෑන්ඩ් PG9", "ස්ප්‍රිං 8 mm"],
    ),
    "lo": dict(
        hello="ສະບາຍດີ,",
        ask="ກະລຸນາຈັດສົ່ງສິນຄ້າລຸ່ມນີ້ຕາມໃບສັ່ງຊື້ຂອງພວກເຮົາ:",
        po="ເລກທີໃບສັ່ງຊື້",
        date="ວັນທີສັ່ງຊື້",
        delivery="ວັນທີສົ່ງເຄື່ອງ",
        currency="ສະກຸນເງິນ",
        cols=["ລຳດັບ", "ລະຫັດສິນຄ້າ", "ລາຍການ", "ຈຳນວນ", "ຫົວໜ່ວຍ", "ລາຄາຕໍ່ຫົວໜ່ວຍ", "ຈຳນວນເງິນ"],
        total="ລວມທັງໝົດ",
        bye="ຂອບໃຈ,",
        num="en",
        dates="dmy",
        digits="latin",
        units=["ອັນ", "ຊຸດ"],
        subject="ໃບສັ່ງຊື້ {po}",
        buyer=(
            "ບໍລິສັດ ວຽງຈັນ ເຄື່ອງຈັກ ຈຳກັດ",
            ["ຖະໜົນ ລ້ານຊ້າງ", "ນະຄອນຫຼວງວຽງຈັນ"],
            "ສົມພອນ ແກ້ວມະນີ",
            "purchase@vientiane-machine.example",
        ),
        currency_code="LAK",
        descs=["ລູກປືນ 608ZZ", "ນັອດ M6x20", "ຂາຍຶດ 40 mm", "ຫົວສາຍໄຟ PG9", "ສະປິງ 8 mm"],
    ),
    "tg": dict(
        hello="Ассалому алейкум,",
        ask="Лутфан молҳои зеринро мувофиқи фармоиши мо расонед:",
        po="Рақами фармоиш",
        date="Санаи фармоиш",
        delivery="Санаи таҳвил",
        currency="Асъор",
        cols=["№", "Рамз", "Номгӯй", "Миқдор", "Воҳид", "Нарх", "Маблағ"],
        total="Ҳамагӣ",
        bye="Бо эҳтиром,",
        num="space",
        dates="dotted",
        digits="latin",
        units=["дона", "маҷмӯа"],
        subject="Фармоиш {po}",
        buyer=(
            "«Помир Техника» ҶДММ",
            ["кӯчаи Рӯдакӣ 45", "Душанбе 734025"],
            "Фирӯза Раҳимова",
            "kharid@pomir-tekhnika.example",
        ),
        currency_code="TJS",
        descs=["Подшипник 608ZZ", "Болт M6x20 зангногир", "Кронштейн 40 мм", "Воридкунандаи кабел PG9", "Пружина 8 мм"],
    ),
    "ky": dict(
        hello="Саламатсызбы,",
        ask="Биздин буйрутмага ылайык төмөнкү товарларды жеткирип бериңиз:",
        po="Буйрутманын номери",
        date="Буйрутманын күнү",
        delivery="Жеткирүү күнү",
        currency="Акча бирдиги",
        cols=["№", "Коду", "Аталышы", "Саны", "Өлчөө бирдиги", "Баасы", "Суммасы"],
        total="Бардыгы",
        bye="Урматтоо менен,",
        num="space",
        dates="dotted",
        digits="latin",
        units=["даана", "комплект"],
        subject="Буйрутма {po}",
        buyer=(
            "«Ала-Тоо Машина» ЖЧК",
            ["Чүй проспекти 120", "Бишкек 720040"],
            "Айгүл Асанова",
            "satyp@alatoo-mashina.example",
        ),
        currency_code="USD",
        descs=["Подшипник 608ZZ", "Болт M6x20 дат баспас", "Кронштейн 40 мм", "Кабель киргизгич PG9", "Пружина 8 мм"],
    ),
}

# What our account manager writes above the order she forwards
FORWARD_NOTE = {
    "fa": "سلام، سفارش مشتری برای اقدام:",
    "hy": "Բարև, հաճախորդի պատվերը՝",
    "ka": "გამარჯობა, კლიენტის შეკვეთა:",
    "az": "Salam, müştərinin sifarişi:",
}

# A reply above the quoted quotation: the "... wrote:" line as Gmail writes it in the language.
WROTE = {
    "bn": "বৃহস্পতিবার, ২৬ নভেম্বর, ২০২৬ এ ১০:১২ AM তে Sales <{sales}> লিখেছেন:",
    "be": "Чц, 26 ліст. 2026 г. у 10:12 Sales <{sales}> напісаў:",
    "kk": "Бс, 26 қар. 2026 ж., 10:12 Sales <{sales}> жазды:",
}

# (language, form, variant): form "text" (tabs or aligned) or "outlook"/"gmail" HTML; variant
# None, "forward", "reply", or the calendar of the dates ("solar", "solar-gregorian")
VARIANTS = [
    ("fa", "gmail", None),
    ("fa", "text", "forward"),
    ("ur", "outlook", None),
    ("ur", "text", None),
    ("bn", "text", None),
    ("bn", "gmail", None),
    ("bn", "text", "reply"),
    ("ta", "text", None),
    ("ta", "outlook", None),
    ("te", "text", None),
    ("te", "gmail", None),
    ("hy", "text", None),
    ("hy", "outlook", "forward"),
    ("ka", "outlook", None),
    ("ka", "text", "forward"),
    ("az", "text", None),
    ("az", "gmail", None),
    ("az", "text", "forward"),
    ("kk", "outlook", None),
    ("kk", "text", "reply"),
    ("uz", "text", None),
    ("uz", "outlook", None),
    ("be", "text", None),
    ("be", "gmail", "reply"),
    ("ne", "text", None),
    ("ne", "gmail", None),
    ("am", "text", None),
    ("am", "outlook", None),
    ("km", "text", None),
    ("km", "gmail", None),
    ("my", "text", None),
    ("my", "outlook", None),
    # Iranian offices date orders in the Solar Hijri calendar, some with the Gregorian day beside
    ("fa", "text", "solar"),
    ("fa", "gmail", "solar-gregorian"),
    # Pashto, Sinhala and Lao buyers, described by their language files since they were added
    ("ps", "text", None),
    ("ps", "gmail", None),
    ("si", "text", None),
    ("si", "outlook", None),
    ("lo", "text", None),
    ("lo", "gmail", None),
    # Tajik and Kyrgyz buyers
    ("tg", "text", None),
    ("tg", "outlook", None),
    ("ky", "text", None),
    ("ky", "gmail", None),
]


def rng_for(name: str) -> random.Random:
    return random.Random(SEED ^ zlib.crc32(name.encode()))


def make_po(name: str, lang: str, n: int) -> g.PO:
    rng = rng_for(name)
    spec = LANG[lang]
    po_date = g.pick_date(rng, date(2026, 11, 13), 6, True)
    delivery = g.pick_date(rng, po_date + timedelta(days=20), 30, True)
    currency = spec["currency_code"]
    scale = {
        "UZS": 1000,
        "MMK": 1000,
        "LAK": 1000,
        "KZT": 100,
        "PKR": 100,
        "LKR": 100,
        "BDT": 50,
        "INR": 50,
        "NPR": 50,
        "AFN": 50,
        "ETB": 20,
    }.get(currency, 1)
    lines = []
    for k, desc in enumerate(rng.sample(spec["descs"], n)):
        qty = Decimal(rng.choice(QTYS))
        price = Decimal(rng.randrange(15, 4800)) / 100 * scale
        price = price.quantize(Decimal("0.01"))
        prefix = "".join(rng.choice("BCDFGHKLMNPRST") for _ in range(3))
        item = f"{prefix}-{rng.randrange(1000, 9999)}"
        lines.append(g.Line(item, desc, qty, spec["units"][k % 2], price, (qty * price).quantize(Decimal("0.01"))))
    total = sum((ln.amount for ln in lines), Decimal(0))
    number = f"{lang.upper()}{po_date.year % 100}-{rng.randrange(1000, 9999)}"
    company, address, person, email = spec["buyer"]
    party = g.Buyer(company, address, person, email, lang=lang, currency=currency)
    return g.PO(number, party, po_date, delivery, currency, None, None, lines, total)


def native(text: str, lang: str) -> str:
    """``text`` in the digits the buyer's keyboard types (Persian, Bengali) or as it is."""
    table = NATIVE_DIGITS.get(LANG[lang]["digits"])
    return text.translate(table) if table else text


def number(value: Decimal, lang: str) -> str:
    return native(group(value, LANG[lang]["num"]), lang)


# 1 Farvardin, the Solar Hijri new year, of the years these orders are dated in (Iran's calendar)
NOWRUZ = {1404: date(2025, 3, 21), 1405: date(2026, 3, 21), 1406: date(2027, 3, 21)}


def solar_hijri(value: date) -> str:
    """``value`` as an Iranian office types it: 2026-12-03 is 1405/09/12 (six months of 31 days,
    then 30)."""
    year = max(y for y, first in NOWRUZ.items() if first <= value)
    days = (value - NOWRUZ[year]).days
    month, day = (days // 31 + 1, days % 31 + 1) if days < 186 else ((days - 186) // 30 + 7, (days - 186) % 30 + 1)
    return f"{year}/{month:02d}/{day:02d}"


def day(value: date, lang: str, calendar: str | None = None) -> str:
    """The date in the language's style; ``calendar`` "solar": in the Solar Hijri calendar,
    "solar-gregorian": that with the Gregorian date after it in brackets."""
    style = LANG[lang]["dates"]
    if calendar == "solar":
        return native(solar_hijri(value), lang)
    if calendar == "solar-gregorian":
        return native(f"{solar_hijri(value)} ({value:%Y/%m/%d})", lang)
    text = {
        "ymd": f"{value.year}/{value.month:02d}/{value.day:02d}",
        "dmy": f"{value.day:02d}/{value.month:02d}/{value.year}",
        "dotted": f"{value.day:02d}.{value.month:02d}.{value.year}",
    }[style]
    return native(text, lang)


def facts(po: g.PO, lang: str, calendar: str | None = None) -> list[tuple[str, str]]:
    spec = LANG[lang]
    return [
        (spec["po"], po.number),
        (spec["date"], day(po.po_date, lang, calendar)),
        (spec["delivery"], day(po.delivery, lang, calendar)),  # type: ignore[arg-type]
        (spec["currency"], po.currency),
    ]


def rows(po: g.PO, lang: str) -> list[list[str]]:
    out = [list(LANG[lang]["cols"])]
    for k, ln in enumerate(po.lines, start=1):
        cells = [native(str(k), lang), ln.item, ln.desc or "", number(ln.qty, lang), ln.unit]
        out.append(cells + [number(ln.price, lang), number(ln.amount, lang)])
    return out


def _one_column_script(text: str) -> bool:
    """Latin, Cyrillic, Armenian, Georgian: every letter one column wide, no combining signs."""
    return all(ord(ch) < 0x0590 or 0x10A0 <= ord(ch) <= 0x10FF for ch in text)


def text_body(po: g.PO, lang: str, calendar: str | None = None) -> str:
    spec = LANG[lang]
    table = rows(po, lang)
    if all(_one_column_script(c) for r in table for c in r):
        widths = [max(len(r[i]) for r in table) for i in range(len(table[0]))]
        lines = [
            "  ".join(
                c.rjust(w) if i in (0, 3, 5, 6) else c.ljust(w) for i, (c, w) in enumerate(zip(r, widths))
            ).rstrip()
            for r in table
        ]
    else:  # letters with vowel signs: nobody can line them up with spaces, so tabs
        lines = ["\t".join(r) for r in table]
    b = po.buyer
    out = [spec["hello"], "", spec["ask"], "", *(f"{k}: {v}" for k, v in facts(po, lang, calendar)), "", *lines, ""]
    out += [f"{spec['total']}: {number(po.total or Decimal(0), lang)} {po.currency}", "", spec["bye"]]
    return "\n".join([*out, b.contact, b.name, *b.address, b.email]) + "\n"


def html_body(po: g.PO, lang: str, client: str, lead: str = "", calendar: str | None = None) -> str:
    """The order as Outlook or Gmail writes an HTML mail; ``lead`` (HTML) comes first."""
    spec = LANG[lang]
    table = rows(po, lang)
    rtl = spec.get("rtl", False)
    b = po.buyer
    total = f"{spec['total']}: {number(po.total or Decimal(0), lang)} {po.currency}"
    sig = "<br>".join(escape(s) for s in (b.contact, b.name, *b.address, b.email))
    if client == "outlook":
        para = '<p class="MsoNormal"' + (' dir="rtl"' if rtl else "") + ">{}</p>"
        head = "".join(f"<td><b>{escape(c)}</b></td>" for c in table[0])
        body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in table[1:])
        grid = f'<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0"><tr>{head}</tr>{body}</table>'
        wrap = '<html><head><meta charset="utf-8"></head><body><div class="WordSection1">{}</div></body></html>'
    else:  # Gmail
        para = "<div>{}</div>"
        head = "".join(f"<th>{escape(c)}</th>" for c in table[0])
        body = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in r) + "</tr>" for r in table[1:])
        grid = f'<table border="1" cellpadding="4" style="border-collapse:collapse"><tr>{head}</tr>{body}</table>'
        wrap = '<div dir="' + ("rtl" if rtl else "ltr") + '">{}</div>'
    parts = [lead, para.format(escape(spec["hello"])), para.format(escape(spec["ask"]))]
    parts += [para.format(f"{escape(k)}: {escape(v)}") for k, v in facts(po, lang, calendar)]
    parts += [grid, para.format("<b>" + escape(total) + "</b>"), para.format(escape(spec["bye"])), para.format(sig)]
    return wrap.format("".join(parts))


def forward_block(po: g.PO, lang: str, subject: str) -> list[str]:
    """The header block a localised Outlook writes over the mail it forwards."""
    sender, sent, to, topic, when = LANG[lang]["forward"]
    b = po.buyer
    return [
        "________________________________",
        f"{sender}: {b.contact} <{b.email}>",
        f"{sent}: {when}",
        f"{to}: Sales <{SALES}>",
        f"{topic}: {subject}",
        "",
    ]


def quoted_quotation(po: g.PO, lang: str) -> list[str]:
    """The supplier's quotation the order answers, quoted: the same parts, other quantities and prices."""
    out = [WROTE[lang].format(sales=SALES), ""]
    for ln in po.lines:
        qty, price = ln.qty * 2, ln.price + Decimal("0.50")
        out.append(f"> {ln.item}  {ln.desc}  {group(qty, 'en')}  {group(price, 'en')}  {group(qty * price, 'en')}")
    return out


def build(b: Any) -> None:
    for i, (lang, form, variant) in enumerate(VARIANTS, start=1):
        name = f"lang-{lang}-{form}" + (f"-{variant}" if variant else "") + f"-{i}"
        spec = LANG[lang]
        po = make_po(name, lang, 2 + i % 3)
        subject = spec["subject"].format(po=po.number)
        text: str | None = None
        html: str | None = None
        sender = (po.buyer.contact, po.buyer.email)
        note = FORWARD_NOTE.get(lang, "")
        calendar = variant if variant in ("solar", "solar-gregorian") else None
        if form == "text":
            text = text_body(po, lang, calendar)
            if variant == "forward":
                text = "\n".join([note, "", "Anna", "", *forward_block(po, lang, subject), text])
        else:
            lead = ""
            if variant == "forward":
                head = "<br>".join(escape(line) for line in forward_block(po, lang, subject)[1:])
                lead = f'<p class="MsoNormal">{escape(note)}</p><p class="MsoNormal">Anna</p><hr><p class="MsoNormal">{head}</p>'
            html = html_body(po, lang, form, lead, calendar)
        if variant == "forward":
            sender = COLLEAGUE
            prefix = {"fa": "هدایت", "hy": "FW", "ka": "FW", "az": "FW"}[lang]
            subject = f"{prefix}: {subject}"
        elif variant == "reply":
            subject = f"Re: {subject}"
            if text is not None:
                text += "\n" + "\n".join(quoted_quotation(po, lang)) + "\n"
            elif html is not None:
                quote = "<br>".join(escape(line) for line in quoted_quotation(po, lang))
                html = html[: -len("</div>")] + f'<div class="gmail_quote"><blockquote>{quote}</blockquote></div></div>'
        f.message(
            b.path(f"{f.WIDE}/eml/{name}.eml"),
            sender=sender,
            subject=subject,
            msgid=f"{name}@{po.buyer.email.split('@')[1]}",
            body=text,
            html=html,
            when=MAIL_DAY,
        )
        # a date read from the Solar Hijri calendar alone is for a person to confirm
        expected = g.expected_for(po, g.Style(), source="body", needs_review=variant == "solar")
        meta = {"format": "eml", "language": lang, "producer": "email", "family": f"lang-{form}"}
        b.docs.append(g.Built(f"{f.WIDE}/eml/{name}.eml", {**expected, **meta}))
