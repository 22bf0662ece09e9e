"""Real-browser tests of the built site (nox -s browser); see conftest.py."""
