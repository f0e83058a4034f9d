"""mailflow: the order desk of an OEM / contract manufacturer.

Purchase orders arrive by email; mailflow classifies and parses them, keeps a shared Excel
tracker in step with the staff who edit it, generates documents from Word templates, sends the
customer notices the order procedure calls for, and files everything per order.
"""

__version__ = "0.1.0"
