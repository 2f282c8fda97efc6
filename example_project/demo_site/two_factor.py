"""Two-factor authentication of the admin for the users who may see the most: the example's.

django-otp (TOTP) asks for a six-digit code after the password. With ``TWO_FACTOR_REQUIRED``
on (the default unless DEBUG), ``ConsentTwoFactorMiddleware`` sends these users to
``/admin/2fa/`` until they have entered a code in this session: superusers, every user with a
permission whose codename ends in ``storyconsent`` (``view_storyconsent``,
``change_storyconsent``, …: the consent records of the people in the stories), and anyone who
has set up a device. The permission is matched by name, so the rule holds once a StoryConsent
model exists, whichever app defines it. The first visit sets up the device (a QR code and the
key for an authenticator app); the device is confirmed by its first code.
"""

import io
from base64 import b32encode

import django_otp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp.plugins.otp_totp.models import TOTPDevice

CONSENT_CODENAME_SUFFIX = "storyconsent"
TWO_FACTOR_PATH = "/admin/2fa/"
#: Admin paths open before the second factor: signing in and out, and the 2FA page itself.
OPEN_PATHS = ("/admin/login/", "/admin/logout/", TWO_FACTOR_PATH, "/admin/jsi18n/")
DEVICE_NAME = "authenticator"


def must_use_two_factor(user):
    """Whether ``user`` may only use the admin after a second factor."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return any(
        permission.rpartition(".")[2].endswith(CONSENT_CODENAME_SUFFIX)
        for permission in user.get_all_permissions()
    )


def needs_second_factor(user):
    """Whether ``user`` must still enter a code in this session."""
    if not getattr(settings, "TWO_FACTOR_REQUIRED", True) or not user.is_authenticated:
        return False
    if user.is_verified():
        return False
    return must_use_two_factor(user) or django_otp.user_has_device(user, confirmed=True)


class ConsentTwoFactorMiddleware:
    """After django-otp's OTPMiddleware: the admin asks these users for their code first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if (
            path.startswith("/admin/")
            and not path.startswith(OPEN_PATHS)
            and needs_second_factor(request.user)
        ):
            return redirect(f"{TWO_FACTOR_PATH}?next={request.get_full_path()}")
        return self.get_response(request)


def _qr_svg(url):
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


@never_cache
@sensitive_post_parameters("otp_token")
@login_required(login_url="/admin/login/")
def verify(request):
    """Enter the code of the confirmed device, or set one up and confirm it with a first code."""
    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    setting_up = device is None
    if setting_up:
        device, _created = TOTPDevice.objects.get_or_create(
            user=user, confirmed=False, defaults={"name": DEVICE_NAME}
        )
    error = ""
    next_url = request.POST.get("next") or request.GET.get("next") or "/admin/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/admin/"
    if request.method == "POST":
        if device.verify_is_allowed()[0] and device.verify_token(request.POST.get("otp_token")):
            if setting_up:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            return redirect(next_url)
        error = "That code is not right. Enter the six digits your authenticator app shows now."
    context = {"setting_up": setting_up, "error": error, "next": next_url}
    if setting_up:
        context.update(qr_code=_qr_svg(device.config_url), base32_key=_base32(device.bin_key))
    return render(request, "home/two_factor.html", context)


def _base32(key):
    return b32encode(key).decode().rstrip("=")
