"""`{% extends %}` collects the root template's blocks once.

publishing/templatetags/inheritance.py
"""

from django.template import NodeList, engines
from django.template.loader import get_template

from publishing.templatetags.inheritance import RootBlocksExtendsNode


def from_string(source):
    return engines["django"].from_string(source)


def test_every_template_of_the_site_gets_it_without_loading_it():
    assert isinstance(get_template("portal/home.html").template.nodelist[0], RootBlocksExtendsNode)


def test_renders_as_django_does_and_walks_the_root_only_once(monkeypatch):
    root = from_string(
        "<{% block a %}A{% endblock %}|{% if x %}{% block b %}B{% endblock %}{% endif %}>"
    )
    middle = from_string("{% extends root %}{% block a %}m[{{ block.super }}]{% endblock %}")
    child = from_string("{% extends middle %}{% block b %}c[{{ block.super }}]{% endblock %}")
    context = {"root": root.template, "middle": middle.template, "x": True}
    assert child.render(context) == "<m[A]|c[B]>"

    walks = []
    original = NodeList.get_nodes_by_type

    def counted(self, nodetype):
        walks.append(nodetype)
        return original(self, nodetype)

    monkeypatch.setattr(NodeList, "get_nodes_by_type", counted)
    assert child.render(context) == "<m[A]|c[B]>"
    assert middle.render(context) == "<m[A]|B>"
    assert child.render({**context, "x": False}) == "<m[A]|>"
    assert walks == []


def test_a_root_chosen_per_render_gets_its_own_blocks():
    first = from_string("1{% block a %}a{% endblock %}")
    second = from_string("2{% block b %}b{% endblock %}{% block a %}A{% endblock %}")
    child = from_string("{% extends root %}{% block a %}c{% endblock %}")
    assert child.render({"root": first.template}) == "1c"
    assert child.render({"root": second.template}) == "2bc"
    assert child.render({"root": first.template}) == "1c"
