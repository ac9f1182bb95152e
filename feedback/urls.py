from django.urls import path

from feedback import views

app_name = "feedback"

urlpatterns = [
    path("svar/", views.answer, name="answer"),
    path("kommentar/", views.comment, name="comment"),
    path("tack/", views.thanks, name="thanks"),
    path("film/", views.film_play, name="film_play"),
]
