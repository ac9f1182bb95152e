from django import forms
from django.utils.formats import number_format

from feedback import paths
from feedback.models import COMMENT_MAX_LENGTH
from feedback.services import read_comment_token

ANSWERS = {"ja": True, "nej": False}


def _format_count(n: int) -> str:
    return number_format(n, force_grouping=True)


class SpamTrapMixin(forms.Form):
    # The honeypot: hidden from people (and from screen readers), filled in by bots.
    website = forms.CharField(required=False, label="Lämna tomt")

    @property
    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))


class CommentFieldMixin(forms.Form):
    comment = forms.CharField(
        required=False,
        strip=True,
        label="Vad kan vi förbättra?",
        widget=forms.Textarea(attrs={"rows": 5}),
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"].replace("\r\n", "\n")
        if len(comment) > COMMENT_MAX_LENGTH:
            raise forms.ValidationError(
                f"Kommentaren får vara högst {_format_count(COMMENT_MAX_LENGTH)} tecken. "
                f"Nu är den {_format_count(len(comment))} tecken. Korta den och skicka igen.",
                code="too_long",
            )
        return comment


class PageFieldMixin(forms.Form):
    page = forms.CharField(required=False, widget=forms.HiddenInput)

    def clean_page(self):
        page = paths.normalise_path(self.cleaned_data["page"])
        if page != paths.NOT_FOUND_PAGE and not paths.page_exists(page):
            raise forms.ValidationError(
                "Sidan som svaret gäller finns inte på webbplatsen. "
                "Gå till sidan du vill svara om och försök igen.",
                code="unknown_page",
            )
        return page


class AnswerForm(SpamTrapMixin, PageFieldMixin, CommentFieldMixin, forms.Form):
    """Ja or Nej for a page; a comment may come along (the fallback form sends both)."""

    helpful = forms.CharField(required=False)

    field_order = ["helpful", "comment", "page", "website"]

    def clean_helpful(self):
        value = (self.cleaned_data["helpful"] or "").strip().lower()
        if value not in ANSWERS:
            raise forms.ValidationError("Välj Ja eller Nej.", code="no_answer")
        return ANSWERS[value]


class CommentForm(SpamTrapMixin, PageFieldMixin, CommentFieldMixin, forms.Form):
    """The optional comment after an answer, linked to it by a signed token."""

    token = forms.CharField(required=False, widget=forms.HiddenInput)

    field_order = ["comment", "token", "page", "website"]

    def clean_comment(self):
        comment = super().clean_comment()
        if not comment:
            raise forms.ValidationError(
                "Skriv vad vi kan förbättra innan du skickar.", code="empty"
            )
        return comment

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        data = read_comment_token(cleaned.get("token") or "")
        if data is None or data["page"] != cleaned.get("page"):
            raise forms.ValidationError(
                "Vi kunde inte koppla kommentaren till ditt svar, kanske för att det har gått "
                "för lång tid. Svara Ja eller Nej igen, så skickas kommentaren med svaret.",
                code="expired",
            )
        cleaned["feedback_id"] = data.get("id")
        return cleaned
