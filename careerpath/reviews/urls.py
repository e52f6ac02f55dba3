"""Review routes: the list, opening a period's review, a review, comparing, the schedule, decisions."""

from django.urls import path

from careerpath.reviews import views

app_name = "reviews"

urlpatterns = [
    path("reviews/", views.review_list, name="review_list"),
    path("reviews/open/", views.review_open, name="review_open"),
    path("reviews/schedule/", views.schedule_edit, name="schedule_edit"),
    path("reviews/<int:pk>/", views.review_detail, name="review_detail"),
    path("reviews/<int:pk>/delete/", views.review_delete, name="review_delete"),
    path(
        "reviews/<int:pk>/compare/<int:other_pk>/",
        views.review_compare,
        name="review_compare",
    ),
    path(
        "reviews/<int:pk>/adjust-goal/",
        views.review_goal_adjust,
        name="review_goal_adjust",
    ),
    path(
        "reviews/<int:pk>/draft-goal/",
        views.review_goal_draft,
        name="review_goal_draft",
    ),
    path(
        "reviews/<int:pk>/plan-learning/",
        views.review_learning_plan,
        name="review_learning_plan",
    ),
    path(
        "reviews/<int:pk>/follow-up/", views.review_follow_up, name="review_follow_up"
    ),
]
