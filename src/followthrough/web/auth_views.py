"""Sign-in and sign-out, declared like every other view."""

from django.contrib.auth import views as auth_views

from followthrough.core.access import access

login = access("public", methods=("GET", "HEAD", "POST"))(
    auth_views.LoginView.as_view(redirect_authenticated_user=False)
)
logout = access("public", methods=("POST",))(auth_views.LogoutView.as_view())
