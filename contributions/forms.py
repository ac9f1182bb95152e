from django import forms
from django.utils.formats import number_format

from contributions.models import TEXT_MAX_LENGTH
from feedback.forms import SpamTrapMixin


def _count(n: int) -> str:
    return number_format(n, force_grouping=True)


def limited_text(value: str, *, max_length: int, what: str) -> str:
    value = (value or "").replace("\r\n", "\n").strip()
    if len(value) > max_length:
        raise forms.ValidationError(
            f"{what} får vara högst {_count(max_length)} tecken. Nu är det "
            f"{_count(len(value))} tecken. Korta texten och skicka igen.",
            code="too_long",
        )
    return value


class ContactFieldsMixin(forms.Form):
    """The sender's own contact details; what is stored and for how long is said by the form."""

    name = forms.CharField(label="Ditt namn", max_length=150, required=False)
    organisation = forms.CharField(
        label="Din roll och organisation",
        max_length=200,
        required=False,
        help_text="Till exempel ”Utvecklingsledare, socialförvaltningen i Ankeby kommun”.",
    )
    email = forms.EmailField(
        label="Din e-post i tjänsten",
        max_length=254,
        required=False,
        error_messages={"invalid": "Skriv en e-postadress som namn@kommun.se."},
    )
    phone = forms.CharField(label="Ditt telefonnummer i tjänsten", max_length=40, required=False)

    def contact(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("email"):
            return None
        return {field: data.get(field, "") for field in ("name", "organisation", "email", "phone")}


class ShortMessageForm(SpamTrapMixin, ContactFieldsMixin, forms.Form):
    """"Rapportera fel" and "Vi testar något liknande": a text and, if wanted, a way to answer."""

    text = forms.CharField(
        label="Meddelande",
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        strip=True,
    )

    field_order = ["text", "name", "organisation", "email", "phone", "website"]

    def __init__(self, *args, text_label: str = "Meddelande", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = text_label

    def clean_text(self):
        text = limited_text(
            self.cleaned_data["text"], max_length=TEXT_MAX_LENGTH, what="Meddelandet"
        )
        if not text:
            raise forms.ValidationError("Skriv ditt meddelande innan du skickar.", code="empty")
        return text

    def clean(self):
        cleaned = super().clean()
        left_contact = any(cleaned.get(field) for field in ("name", "organisation", "phone"))
        if left_contact and not cleaned.get("email") and "email" not in self.errors:
            self.add_error(
                "email",
                forms.ValidationError(
                    "Skriv din e-post om du vill att vi svarar, eller töm fälten för namn, "
                    "roll och telefon. Utan e-post sparar vi inga kontaktuppgifter.",
                    code="contact_without_email",
                ),
            )
        return cleaned

