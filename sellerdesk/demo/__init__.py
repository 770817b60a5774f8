"""The demo shop: a year of a four-platform shop, written through the app's own rules (stock, SLA, ids).

It sits above the services it calls and below the UI and command line that start it; nothing else imports it.
"""

from sellerdesk.demo.generate import DemoSummary, generate_demo

__all__ = ["DemoSummary", "generate_demo"]
