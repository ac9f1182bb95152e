from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from portal.models import published_q
from portal.preview import previewable, visible
from portal.views import latest_update
from resources.models import Category, Resource


def category_list(request):
    categories = Category.objects.annotate(
        resource_count=Count("resources", filter=published_q("resources__"))
    )
    context = {
        "categories": categories,
        "breadcrumbs": [("Stöd och verktyg", None)],
        "last_updated": latest_update(Resource.objects.published(), Category.objects.all()),
    }
    return render(request, "resources/category_list.html", context)


@previewable
def category_detail(request, slug):
    category = get_object_or_404(Category, slug=slug)
    # Categories are always public; a preview also shows the draft and scheduled resources.
    resources = visible(request, Resource.objects.in_category(category))
    context = {
        "category": category,
        "preview": request.is_preview,
        "resources": resources.with_listing_data(),
        "other_categories": Category.objects.exclude(pk=category.pk),
        "breadcrumbs": [
            ("Stöd och verktyg", reverse("resources:category_list")),
            (category.name, None),
        ],
        "last_updated": latest_update(resources, Category.objects.filter(pk=category.pk)),
    }
    return render(request, "resources/category_detail.html", context)
