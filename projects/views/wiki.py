"""The Wiki tab: page tree, pages, editing with conflict detection, history, diffs, restores."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from portal.query_params import parse_number
from projects.forms import WikiPageForm
from projects.models import WikiPage, WikiRevision, Workspace
from projects.permissions import Action
from projects.services import wiki as service

from .common import load_workspace, private, workspace_context


def page_tree(workspace: Workspace) -> list[dict]:
    """The workspace's pages as nested {"page", "children"} nodes, in one query."""
    pages = list(workspace.wiki_pages.only("pk", "title", "slug", "parent_id", "workspace_id"))
    ids = {page.pk for page in pages}
    children: dict[int | None, list[WikiPage]] = {}
    for page in pages:
        parent = page.parent_id if page.parent_id in ids else None
        children.setdefault(parent, []).append(page)

    def build(parent_id, seen):
        nodes = []
        for page in children.get(parent_id, []):
            if page.pk in seen:  # defensive: a cycle in the data must not hang the page
                continue
            nodes.append({"page": page, "children": build(page.pk, seen | {page.pk})})
        return nodes

    return build(None, frozenset())


def _wiki_context(request, workspace, *trail):
    context = workspace_context(
        request,
        workspace,
        "wiki",
        (_("Wiki"), _wiki_index_url(workspace) if trail else None),
        *trail,
    )
    context["tree"] = page_tree(workspace)
    return context


def _wiki_index_url(workspace):
    return reverse("projects:wiki", kwargs={"slug": workspace.slug})


def _get_page(workspace, page_slug) -> WikiPage:
    return get_object_or_404(
        WikiPage.objects.select_related("current_revision__author", "parent"),
        workspace=workspace,
        slug=page_slug,
    )


@private
def index(request, slug):
    workspace = load_workspace(request, slug, Action.READ)
    context = _wiki_context(request, workspace)
    context["recent"] = workspace.wiki_pages.select_related("current_revision__author").order_by(
        "-updated_at"
    )[:10]
    return render(request, "projects/wiki/index.html", context)


@private
def page(request, slug, page_slug):
    workspace = load_workspace(request, slug, Action.READ)
    found = (
        WikiPage.objects.filter(workspace=workspace, slug=page_slug)
        .select_related("current_revision__author", "parent")
        .first()
    )
    if found is None:
        # A [[link]] to a page nobody wrote yet: contributors may create it.
        context = _wiki_context(request, workspace, (page_slug, None))
        context["missing_slug"] = page_slug
        return render(request, "projects/wiki/missing.html", context, status=404)
    context = _wiki_context(request, workspace, (found.title, None))
    context["page"] = found
    context["revision"] = found.current_revision
    context["html"] = service.render_wiki(
        found.current_revision.body if found.current_revision else "", workspace
    )
    context["children"] = found.children.order_by("title")
    return render(request, "projects/wiki/page.html", context)


@private
@login_required
@require_http_methods(["GET", "POST"])
def create(request, slug):
    workspace = load_workspace(request, slug, Action.CONTRIBUTE)
    initial = {"title": request.GET.get("title", "")[:150]}
    parent = parse_number(request.GET.get("parent"))
    if parent is not None:
        initial["parent"] = parent
    form = WikiPageForm(
        request.POST if request.method == "POST" else None, workspace=workspace, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = service.create_page(
            workspace,
            request.user,
            title=data["title"],
            body=data["body"],
            parent=data["parent"],
            comment=data["comment"],
        )
        messages.success(request, _("The page has been created."))
        return redirect(created)
    context = _wiki_context(request, workspace, (_("New page"), None))
    context["form"] = form
    return render(request, "projects/wiki/edit.html", context, status=400 if form.errors else 200)


@private
@login_required
@require_http_methods(["GET", "POST"])
def edit(request, slug, page_slug):
    workspace = load_workspace(request, slug, Action.CONTRIBUTE)
    found = _get_page(workspace, page_slug)
    current = found.current_revision
    if request.method == "GET":
        form = WikiPageForm(
            workspace=workspace,
            page=found,
            initial={
                "title": found.title,
                "parent": found.parent_id,
                "body": current.body if current else "",
                "base_revision": found.current_revision_id,
            },
        )
        return _render_edit(request, workspace, found, form)
    form = WikiPageForm(request.POST, workspace=workspace, page=found)
    if not form.is_valid():
        return _render_edit(request, workspace, found, form, status=400)
    data = form.cleaned_data
    try:
        revision = service.save_page(
            found,
            request.user,
            title=data["title"],
            body=data["body"],
            parent=data["parent"],
            comment=data["comment"],
            base_revision_id=data["base_revision"],
        )
    except service.EditConflict as conflict:
        return _render_conflict(request, workspace, found, data, conflict.current)
    if revision is None:
        messages.info(request, _("Nothing changed: no new revision was saved."))
    else:
        messages.success(request, _("Your changes have been saved."))
    return redirect(found)


def _render_edit(request, workspace, found, form, status=200, **extra):
    context = _wiki_context(
        request, workspace, (found.title, found.get_absolute_url()), (_("Edit"), None)
    )
    context.update(form=form, page=found, **extra)
    return render(request, "projects/wiki/edit.html", context, status=status)


def _render_conflict(request, workspace, found, data, current: WikiRevision | None):
    """Show what the other person saved against the editor's text; nothing is overwritten.

    The form is re-based on the current revision, so saving again knowingly
    replaces it (after the editor has merged what they want to keep).
    """
    theirs = current.body if current else ""
    form = WikiPageForm(
        workspace=workspace,
        page=found,
        initial={
            **data,
            "parent": data["parent"].pk if data["parent"] else None,
            "base_revision": current.pk if current else None,
        },
    )
    return _render_edit(
        request,
        workspace,
        found,
        form,
        status=409,
        conflict=current,
        conflict_diff=service.diff_lines(theirs, data["body"]),
    )


@private
def history(request, slug, page_slug):
    workspace = load_workspace(request, slug, Action.READ)
    found = _get_page(workspace, page_slug)
    context = _wiki_context(
        request, workspace, (found.title, found.get_absolute_url()), (_("History"), None)
    )
    context["page"] = found
    context["revisions"] = found.revisions.select_related("author").defer("body")
    return render(request, "projects/wiki/history.html", context)


@private
def revision(request, slug, page_slug, number):
    workspace = load_workspace(request, slug, Action.READ)
    found = _get_page(workspace, page_slug)
    old = get_object_or_404(found.revisions.select_related("author"), number=number)
    context = _wiki_context(
        request,
        workspace,
        (found.title, found.get_absolute_url()),
        (_("Revision %(number)s") % {"number": number}, None),
    )
    context.update(
        page=found, revision=old, html=service.render_wiki(old.body, workspace), is_old=True
    )
    return render(request, "projects/wiki/page.html", context)


@private
def diff(request, slug, page_slug):
    workspace = load_workspace(request, slug, Action.READ)
    found = _get_page(workspace, page_slug)
    numbers = [parse_number(request.GET.get("from")), parse_number(request.GET.get("to"))]
    if None in numbers:
        raise Http404
    revisions = {r.number: r for r in found.revisions.filter(number__in=numbers)}
    older, newer = (revisions.get(number) for number in numbers)
    if older is None or newer is None:
        raise Http404
    context = _wiki_context(
        request,
        workspace,
        (found.title, found.get_absolute_url()),
        (_("Changes"), None),
    )
    context.update(
        page=found,
        older=older,
        newer=newer,
        lines=service.diff_lines(older.body, newer.body),
        title_changed=older.title != newer.title,
    )
    return render(request, "projects/wiki/diff.html", context)


@private
@login_required
@require_POST
def restore(request, slug, page_slug, number):
    workspace = load_workspace(request, slug, Action.CONTRIBUTE)
    found = _get_page(workspace, page_slug)
    old = get_object_or_404(found.revisions, number=number)
    service.restore_revision(found, old, request.user)
    messages.success(request, _("Revision %(number)s has been restored.") % {"number": number})
    return redirect(found)
