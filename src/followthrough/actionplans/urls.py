from django.urls import path

from . import views

app_name = "actionplans"
urlpatterns = [
    path("reports/<int:pk>/action-plan/", views.action_plan_detail, name="report-action-plan"),
]
