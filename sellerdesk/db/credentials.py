"""Database passwords live in the OS keyring, never in the settings file.

The settings remember a server's address without its password (``without_password``); the password goes
to the keyring (Windows Credential Manager, macOS Keychain, Secret Service) under that address, and comes
back from it when the app connects. Where there is no keyring (a bare Linux desktop, CI) nothing is stored
anywhere: the open-database dialog asks for the password at start instead.
"""

from __future__ import annotations

import logging

from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

SERVICE = "SellerDesk"  # the keyring's name for this application's entries


def without_password(url: str) -> str:
    """``url`` as the settings may hold it: without a password (unchanged when it has none)."""
    if "://" not in url:
        return url  # a bare file path
    parsed = make_url(url)
    if parsed.password is None:
        return url
    # Not ``set(password=None)``: ``URL.set`` leaves a field alone when given None, so the password stayed.
    return parsed._replace(password=None).render_as_string(hide_password=False)


def with_password(url: str, password: str) -> str:
    return make_url(url).set(password=password).render_as_string(hide_password=False)


def remember_password(url: str) -> bool:
    """Put ``url``'s password in the keyring under its address; False when there is none or no keyring."""
    password = make_url(url).password if "://" in url else None
    if password is None:
        return False
    try:
        import keyring
        from keyring.errors import KeyringError

        keyring.set_password(SERVICE, without_password(url), str(password))
    except ImportError:
        return False
    except (KeyringError, RuntimeError) as exc:  # no backend, locked, refused: ask at the next start instead
        log.info("No keyring for the database password: %s", exc)
        return False
    return True


def stored_password(url: str) -> str | None:
    """The password the keyring holds for ``url``'s address (None: none, or no keyring)."""
    try:
        import keyring
        from keyring.errors import KeyringError

        return keyring.get_password(SERVICE, without_password(url))
    except ImportError:
        return None
    except (KeyringError, RuntimeError) as exc:
        log.info("No keyring for the database password: %s", exc)
        return None


def with_stored_password(url: str) -> str:
    """``url`` with the keyring's password when it has none of its own (unchanged otherwise)."""
    if "://" not in url or make_url(url).password is not None or make_url(url).get_backend_name() == "sqlite":
        return url
    password = stored_password(url)
    return url if password is None else with_password(url, password)
