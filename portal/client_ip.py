"""The client's IP address, found the same way everywhere (allauth's rate limits,
the forums' posting limits, the G-NEWS forms' throttle).

Behind proxies, set TRUSTED_PROXY_COUNT (how many proxies of yours append to
X-Forwarded-For) or TRUSTED_CLIENT_IP_HEADER (e.g. X-Real-IP); otherwise
REMOTE_ADDR is used, as a forged X-Forwarded-For must not dodge a limit.
"""

from allauth.account.adapter import get_adapter


def client_ip(request) -> str:
    return get_adapter(request).get_client_ip(request)
