"""Site-wide pages that belong to no app."""

from django.conf import settings
from django.shortcuts import render


def cookies(request):
    """The cookies page: every cookie the site sets, named from the settings that name them."""
    return render(
        request,
        "cookies.html",
        {"session_cookie": settings.SESSION_COOKIE_NAME, "csrf_cookie": settings.CSRF_COOKIE_NAME},
    )
