from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    path("cases/", views.case_list, name="case-list"),
    path("cases/new/", views.case_new, name="case-new"),
    path("cases/tasks/", views.task_list, name="task-list"),
    path("cases/board/", views.board_pack_view, name="board"),
    path("cases/national/", views.national_view, name="national"),
    path("cases/access-log/", views.access_log_view, name="access-log"),
    path("cases/tasks/<int:pk>/", views.task_update_view, name="task-update"),
    path("cases/<int:pk>/", views.case_detail_view, name="case-detail"),
]
