from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("organisations/<int:pk>/members/", views.member_list, name="member-list"),
    path("organisations/<int:pk>/members/invite/", views.member_invite, name="member-invite"),
    path("organisations/<int:pk>/two-factor/", views.two_factor_policy, name="two-factor-policy"),
    path("account/invitations/<int:pk>/", views.invitation_answer, name="invitation-answer"),
    path(
        "organisations/<int:pk>/members/<int:membership_pk>/",
        views.member_change,
        name="member-change",
    ),
]
