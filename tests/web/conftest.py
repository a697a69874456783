"""The permission matrix's world, as a fixture for the tests of this folder."""

from tests.web.matrix_world import world  # noqa: F401
