from django import forms
from django.utils.formats import number_format

from contributions.models import TEXT_MAX_LENGTH
from feedback.forms import SpamTrapMixin
from initiatives.models import County, Initiative, Municipality


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

    def sender_contact(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("email"):
            return None
        return {field: data.get(field, "") for field in ("name", "organisation", "email", "phone")}


class ShortMessageForm(SpamTrapMixin, ContactFieldsMixin, forms.Form):
    """ "Rapportera fel" and "Vi testar något liknande": a text and, if wanted, a way to answer."""

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


# --- "Berätta om ert AI-initiativ" -----------------------------------------------------------

# The initiative's fields a municipality fills in: the fact box and the standard facts.
# `confirmed_on` is not among them: the editors set it once the municipality has confirmed.
PROPOSED_FIELDS = (
    "title",
    "area",
    "phase",
    "technique",
    "ingress",
    "body",
    "purpose",
    "legal_basis",
    "impact_assessment",
    "human_oversight",
    "data_used",
    "sourcing",
    "started_on",
    "results",
    "contact",
    "contact_email",
    "contact_phone",
)

# Free text has no limit in the model; a visitor's form has one.
TEXT_LIMITS = {"ingress": 600, "body": 10_000}
DEFAULT_TEXT_LIMIT = 3_000

LABELS = {
    "title": "Initiativets namn",
    "area": "Verksamhetsområde",
    "phase": "Fas just nu",
    "technique": "AI-teknik eller förmåga",
    "ingress": "Kort sammanfattning",
    "body": "Beskrivning",
    "purpose": "Syfte",
    "legal_basis": "Rättslig grund",
    "impact_assessment": "Har ni gjort en konsekvensbedömning avseende dataskydd?",
    "human_oversight": "Mänsklig kontroll",
    "data_used": "Data som används",
    "sourcing": "Hur har lösningen tagits fram?",
    "started_on": "Startdatum",
    "results": "Resultat hittills",
    "contact": "Kontakt för andra kommuner: funktion eller förvaltning",
    "contact_email": "Kontakt: e-post till en funktionsbrevlåda",
    "contact_phone": "Kontakt: telefon (växel eller funktionsnummer)",
}

HELP_TEXTS = {
    "title": "Till exempel ”Automatiserad handläggning av ekonomiskt bistånd”.",
    "ingress": "Två eller tre meningar som visas i listan över initiativ.",
    "body": "Berätta mer: bakgrund, hur ni har gått till väga och vad ni har lärt er.",
    "purpose": "Vad initiativet ska åstadkomma, i en eller ett par meningar.",
    "legal_basis": "Med era egna ord, till exempel lagrum eller beslut.",
    "impact_assessment": "En konsekvensbedömning avseende dataskydd (DPIA, artikel 35 i "
    "dataskyddsförordningen).",
    "human_oversight": "Hur människor granskar och tar ansvar för det systemet föreslår.",
    "data_used": "Till exempel ”ansökningar om ekonomiskt bistånd” eller ”inga personuppgifter”.",
    "started_on": "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2024-03-01.",
    "contact": "Till exempel ”Utvecklingsenheten, socialförvaltningen”. Visas på sidan.",
    "contact_email": "Visas på sidan. En funktionsbrevlåda, inte en persons adress.",
    "contact_phone": "Visas på sidan. Inte en persons mobilnummer.",
}

REQUIRED_MESSAGES = {
    "title": "Skriv initiativets namn.",
    "area": "Välj verksamhetsområde.",
    "phase": "Välj vilken fas initiativet är i.",
    "technique": "Välj AI-teknik eller förmåga.",
    "ingress": "Skriv en kort sammanfattning.",
}


class ProposalForm(SpamTrapMixin, ContactFieldsMixin, forms.ModelForm):
    """A municipality tells about its initiative; it becomes a draft for the editors."""

    municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.all(),
        required=False,
        empty_label="Välj kommun",
        label="Kommun",
    )
    new_municipality = forms.CharField(
        label="Finns inte kommunen i listan? Skriv dess namn",
        max_length=100,
        required=False,
    )
    county = forms.ChoiceField(
        label="Län (för en kommun som inte finns i listan)",
        choices=[("", "Välj län"), *County.choices],
        required=False,
    )
    text = forms.CharField(
        label="Något mer redaktionen bör veta?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Visas inte på webbplatsen. Personnummer, telefonnummer, e-post och adresser "
        "tas bort innan det sparas.",
    )

    class Meta:
        model = Initiative
        fields = PROPOSED_FIELDS
        labels = LABELS
        help_texts = HELP_TEXTS
        widgets = {
            "ingress": forms.Textarea(attrs={"rows": 3}),
            "body": forms.Textarea(attrs={"rows": 8}),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "legal_basis": forms.Textarea(attrs={"rows": 3}),
            "human_oversight": forms.Textarea(attrs={"rows": 3}),
            "results": forms.Textarea(attrs={"rows": 4}),
            "contact": forms.Textarea(attrs={"rows": 2}),
            # A text box, not type="date": the browsers' date pickers split the field into
            # parts that Tab steps through, and differ in what they let people type.
            "started_on": forms.DateInput(attrs={"inputmode": "numeric"}, format="%Y-%m-%d"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("name", "organisation", "email"):
            self.fields[name].required = True
        self.fields["email"].help_text = (
            "Redaktionen hör av sig hit om något behöver stämmas av, och meddelar dig när "
            "initiativet är publicerat. Visas inte på webbplatsen."
        )
        self.fields["name"].error_messages["required"] = "Skriv ditt namn."
        self.fields["organisation"].error_messages["required"] = (
            "Skriv din roll och vilken kommun eller förvaltning du arbetar i."
        )
        self.fields["email"].error_messages["required"] = (
            "Skriv din e-post i tjänsten, så att redaktionen kan nå dig."
        )
        for name, message in REQUIRED_MESSAGES.items():
            self.fields[name].error_messages["required"] = message
        for name in ("area", "phase", "technique"):
            self.fields[name].choices = [("", "Välj"), *self.fields[name].choices[1:]]
        # One of the two is needed: neither is marked "(frivilligt)" (templates/contributions).
        for name in ("municipality", "new_municipality", "county"):
            self.fields[name].either_or = True
        # The lists start on "Uppgift saknas"; none chosen means the same.
        for name in ("impact_assessment", "sourcing"):
            self.fields[name].required = False
        self.fields["started_on"].error_messages["invalid"] = (
            "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2024-03-01."
        )
        self.fields["contact_email"].error_messages["invalid"] = (
            "Skriv en e-postadress som socialtjansten@kommun.se."
        )
        self.order_fields(
            [
                "title",
                "municipality",
                "new_municipality",
                "county",
                *PROPOSED_FIELDS[1:],
                "name",
                "organisation",
                "email",
                "phone",
                "text",
                "website",
            ]
        )

    def _limit(self, name: str) -> str:
        limit = TEXT_LIMITS.get(name, DEFAULT_TEXT_LIMIT)
        what = str(self.fields[name].label)
        return limited_text(self.cleaned_data.get(name, ""), max_length=limit, what=what)

    def clean_ingress(self):
        return self._limit("ingress")

    def clean_body(self):
        return self._limit("body")

    def clean_purpose(self):
        return self._limit("purpose")

    def clean_legal_basis(self):
        return self._limit("legal_basis")

    def clean_human_oversight(self):
        return self._limit("human_oversight")

    def clean_results(self):
        return self._limit("results")

    def clean_contact(self):
        return self._limit("contact")

    def clean_text(self):
        return limited_text(
            self.cleaned_data["text"], max_length=TEXT_MAX_LENGTH, what="Meddelandet"
        )

    def clean_impact_assessment(self):
        return self.cleaned_data["impact_assessment"] or Initiative.ImpactAssessment.UNKNOWN

    def clean_sourcing(self):
        return self.cleaned_data["sourcing"] or Initiative.Sourcing.UNKNOWN

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("municipality")
        typed = " ".join((cleaned.get("new_municipality") or "").split())
        cleaned["new_municipality"] = typed
        if chosen and typed:
            self.add_error(
                "new_municipality",
                "Välj antingen en kommun i listan eller skriv namnet på en som saknas, inte båda.",
            )
        elif not chosen and not typed:
            if "municipality" not in self.errors:
                self.add_error(
                    "municipality",
                    "Välj kommunen i listan, eller skriv dess namn om den inte finns där.",
                )
        elif typed:
            existing = Municipality.objects.filter(name__iexact=typed).first()
            if existing is not None:
                cleaned["municipality"], cleaned["new_municipality"] = existing, ""
            elif not cleaned.get("county"):
                self.add_error("county", "Välj vilket län kommunen ligger i.")
        return cleaned

    def initiative_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in PROPOSED_FIELDS}
