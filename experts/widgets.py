"""Selects with long option lists (249 countries, a hundred languages), rendered in Python.

Django renders every <option> through a template include, which made the
bank's filter form cost a third of a second per page. These widgets keep
Django's behaviour (names, ids, attributes, selected values) and build the
same markup with format_html.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class FastSelect(forms.Select):
    def render(self, name, value, attrs=None, renderer=None):
        selected = {str(v) for v in self.format_value(value)}
        final_attrs = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        options = format_html_join(
            "\n",
            '<option value="{}"{}>{}</option>',
            (
                (option_value, " selected" if str(option_value) in selected else "", label)
                for option_value, label in self._flat_choices()
            ),
        )
        return format_html("<select{}>\n{}\n</select>", flatatt(final_attrs), options)

    def _flat_choices(self):
        for option_value, label in self.choices:
            if isinstance(label, list | tuple):  # an <optgroup>: flatten it
                yield from ((value, text) for value, text in label)
            else:
                yield ("" if option_value is None else option_value, label)


class FastSelectMultiple(FastSelect):
    allow_multiple_selected = True

    def value_from_datadict(self, data, files, name):
        return forms.SelectMultiple.value_from_datadict(self, data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return False
