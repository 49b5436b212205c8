"""Post an admin form back as a browser would: the helper the account tests share."""

from django.forms import CheckboxInput, MultiWidget


def form_data(form):
    """What a browser would post back for an admin form, unchanged."""
    data = {}
    for name, field in form.fields.items():
        if field.disabled:
            continue
        value = form[name].value()
        widget = field.widget
        if isinstance(widget, MultiWidget):
            for index, part in enumerate(widget.decompress(value)):
                data[f"{form.add_prefix(name)}_{index}"] = "" if part is None else part
        elif isinstance(widget, CheckboxInput):
            if value:
                data[form.add_prefix(name)] = "on"
        elif isinstance(value, list | tuple):
            data[form.add_prefix(name)] = [str(item) for item in value]
        elif value is not None:
            data[form.add_prefix(name)] = value
    return data
