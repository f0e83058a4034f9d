"""config.yaml: validation with file:line errors, ${ENV} interpolation, secrets kept out of reprs."""

from pathlib import Path

import pytest

from mailflow import config as config_mod
from mailflow.errors import ConfigError

REPO = Path(__file__).resolve().parents[1]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_the_bundled_config_is_valid_and_commented():
    config = config_mod.load(REPO / "config.yaml")
    assert config.mailbox.source == "maildir"
    assert config.outbox.transport == "file"
    assert config.company.staff.sales_director
    text = (REPO / "config.yaml").read_text(encoding="utf-8")
    assert text.count("#") > 40  # commented in place


def test_unknown_key_names_file_line_and_key(tmp_path):
    path = write(tmp_path, "company:\n  name: ACME\n  nmae: typo\n")
    with pytest.raises(ConfigError) as caught:
        config_mod.load(path)
    assert f"{path}:3 company.nmae: unknown key" in str(caught.value)


def test_wrong_type_names_file_line_and_key(tmp_path):
    path = write(tmp_path, "outbox:\n  transport: fax\nmailbox:\n  limits:\n    max_attachments: many\n")
    with pytest.raises(ConfigError) as caught:
        config_mod.load(path)
    message = str(caught.value)
    assert f"{path}:2 outbox.transport" in message
    assert f"{path}:5 mailbox.limits.max_attachments" in message


def test_env_interpolation_and_secret_is_hidden(tmp_path):
    path = write(tmp_path, "outbox:\n  smtp:\n    password: ${SMTP_PW}\n    host: ${SMTP_HOST:-127.0.0.1}\n")
    config = config_mod.load(path, env={"SMTP_PW": "hunter2"})
    assert config.outbox.smtp.password.get_secret_value() == "hunter2"
    assert config.outbox.smtp.host == "127.0.0.1"
    assert "hunter2" not in repr(config)
    assert "hunter2" not in str(config.model_dump())


def test_missing_env_variable_is_an_error_with_a_hint(tmp_path):
    path = write(tmp_path, "outbox:\n  smtp:\n    password: ${NOT_SET_ANYWHERE}\n")
    with pytest.raises(ConfigError) as caught:
        config_mod.load(path, env={})
    assert "NOT_SET_ANYWHERE" in str(caught.value) and ":3" in str(caught.value)
    assert "export NOT_SET_ANYWHERE" in caught.value.hint


def test_relative_paths_resolve_against_the_workspace(tmp_path):
    path = write(tmp_path, "workspace:\n  tracker: books/tracker.xlsx\n")
    config = config_mod.load(path)
    assert config.path(config.workspace.tracker) == tmp_path.resolve() / "books" / "tracker.xlsx"


def test_staff_role_accepts_one_address_or_a_list(tmp_path):
    path = write(tmp_path, "company:\n  staff:\n    qc_manager: qc@x.com\n    pmc_manager: [a@x.com, b@x.com]\n")
    staff = config_mod.load(path).company.staff
    assert staff.qc_manager == ["qc@x.com"]
    assert staff.addresses("pmc_manager") == ["a@x.com", "b@x.com"]


def test_bad_delay_is_rejected(tmp_path):
    path = write(tmp_path, "deadlines:\n  reply_due: two days\n")
    with pytest.raises(ConfigError, match=r":2 deadlines.reply_due"):
        config_mod.load(path)


def test_invalid_yaml_names_the_line(tmp_path):
    path = write(tmp_path, "company:\n  name: [unclosed\n")
    with pytest.raises(ConfigError, match="not valid YAML"):
        config_mod.load(path)


def test_check_fails_when_an_enabled_payment_request_lacks_bank_details(tmp_path):
    from mailflow.preflight import _check_notice_needs

    config = config_mod.load(REPO / "config.yaml")
    assert config.company.bank_details.strip() and _check_notice_needs(config) == []
    config.company.bank_details = "  "
    problems = _check_notice_needs(config)
    assert len(problems) == 1 and "company.bank_details" in problems[0]
    kinds = ("deposit_request", "deposit_reminder", "balance_notice", "balance_reminder")
    assert all(kind in problems[0] for kind in kinds)
    for kind in kinds:
        config.notices.enabled[kind] = False
    assert _check_notice_needs(config) == []


def test_a_bare_now_is_read_in_the_configured_time_zone(tmp_path):
    """``--now 2026-12-01T09:00`` means nine o'clock where the company is, not in Shanghai."""
    import datetime as dt

    from mailflow.cli import Settings, _parse_now

    path = write(tmp_path, "calendar:\n  timezone: Europe/Berlin\n")
    bare = Settings(path, _parse_now(None, None, "2026-12-01T09:00"), verbose=0, debug=False)
    assert bare.now == dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.timezone.utc)
    explicit = Settings(path, _parse_now(None, None, "2026-12-01T09:00+08:00"), verbose=0, debug=False)
    assert explicit.now == dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.timezone.utc)
    before_init = Settings(tmp_path / "not-yet.yaml", _parse_now(None, None, "2026-12-01"), verbose=0, debug=False)
    assert before_init.now.utcoffset() == dt.timedelta(hours=8)  # the default time zone
