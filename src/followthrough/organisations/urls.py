from django.urls import path

from . import views

app_name = "organisations"
urlpatterns = [
    path("organisations/<id:pk>/members/", views.member_list, name="member-list"),
    path("organisations/<id:pk>/members/invite/", views.member_invite, name="member-invite"),
    path("organisations/<id:pk>/two-factor/", views.two_factor_policy, name="two-factor-policy"),
    path("account/invitations/<id:pk>/", views.invitation_answer, name="invitation-answer"),
    path(
        "organisations/<id:pk>/members/<id:membership_pk>/",
        views.member_change,
        name="member-change",
    ),
]
