"""Webhooks: an organisation's administrators register HTTPS endpoints; domain events about
records the organisation can read are delivered to them, signed, in the background."""
