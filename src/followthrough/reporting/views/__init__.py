"""The reporting pages: each reads across domains, so it lives above them all."""
