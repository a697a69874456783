"""Django admin, for superusers only: everyone else works through the service's own pages."""

from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest


class SuperuserAdminSite(AdminSite):
    site_header = "Followthrough administration"
    site_title = "Followthrough administration"

    def has_permission(self, request: HttpRequest) -> bool:
        user = request.user
        return bool(user.is_active and user.is_superuser)


class SuperuserAdminConfig(AdminConfig):
    default_site = "followthrough.web.admin_site.SuperuserAdminSite"
