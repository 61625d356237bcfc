"""Members' and readers' pages: user news (list, detail, post, own dashboard)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from .forms import NewsFilterForm, NewsItemForm
from .models import NewsItem
from .permissions import can_post_news
from .services import contributor_line_for, selected_issue_numbers, submit_news

NEWS_PER_PAGE = 20


def news_list(request):
    filters = NewsFilterForm(request.GET or None)
    news = (
        NewsItem.objects.visible_to(request.user)
        .published()
        .select_related("category")
        .prefetch_related("themes", "countries")
        .order_by("-published_at")
    )
    page = Paginator(filters.filter(news), NEWS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "newsletter/news_list.html",
        {
            "filters": filters,
            "page_obj": page,
            "can_post": can_post_news(request.user),
            "query": _query_without_page(request),
            "breadcrumbs": [(_("News"), None)],
        },
    )


def _query_without_page(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def news_detail(request, pk, slug):
    news = get_object_or_404(
        NewsItem.objects.visible_to(request.user)
        .select_related("category", "author")
        .prefetch_related("links", "themes", "countries", "related_resources"),
        pk=pk,
    )
    if slug != news.get_absolute_url().rstrip("/").rsplit("/", 1)[-1]:
        return redirect(news, permanent=True)
    return render(
        request,
        "newsletter/news_detail.html",
        {
            "news": news,
            "issues": selected_issue_numbers([news]).get(news.pk, []),
            "breadcrumbs": [(_("News"), reverse("newsletter:news_list")), (news.title, None)],
        },
    )


def _require_contributor(user) -> None:
    if not can_post_news(user):
        raise PermissionDenied(_("Only members whose email address is verified can post news."))


@login_required
@require_http_methods(["GET", "POST"])
def news_create(request):
    _require_contributor(request.user)
    initial = {
        "contributor_line": contributor_line_for(request.user),
        "language": get_language(),
    }
    form = NewsItemForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        form.instance.author = request.user
        with transaction.atomic():
            submit_news(form.save())
        messages.success(
            request, _("Thank you! Your news has been sent to the editors for publication.")
        )
        return redirect("newsletter:my_news")
    return _news_form(request, form, _("Post your news"))


@login_required
@require_http_methods(["GET", "POST"])
def news_edit(request, pk):
    _require_contributor(request.user)
    news = get_object_or_404(NewsItem.objects.editable_by(request.user), pk=pk)
    form = NewsItemForm(request.POST or None, request.FILES or None, instance=news)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            submit_news(form.save())
        messages.success(request, _("Your news has been sent to the editors again."))
        return redirect("newsletter:my_news")
    return _news_form(request, form, _("Edit your news"))


def _news_form(request, form, title):
    return render(
        request,
        "newsletter/news_form.html",
        {
            "form": form,
            "title": title,
            "breadcrumbs": [
                (_("My news"), reverse("newsletter:my_news")),
                (title, None),
            ],
        },
        status=400 if form.errors or any(f.errors for f in form.formsets.values()) else 200,
    )


@login_required
def my_news(request):
    news = list(
        NewsItem.objects.filter(author=request.user)
        .select_related("category")
        .order_by("-created_at")
    )
    selected = selected_issue_numbers(news)
    for item in news:
        item.selected_in = selected.get(item.pk, [])
    return render(
        request,
        "newsletter/my_news.html",
        {
            "news": news,
            "can_post": can_post_news(request.user),
            "breadcrumbs": [(_("My news"), None)],
        },
    )
