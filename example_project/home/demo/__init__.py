"""Demo content of the example site, loaded by ``manage.py load_demo``.

The only place in the project that assumes Dutch is the source language and English the
translation. Every step is idempotent: it looks up what it would create and leaves existing
objects as they are, so a second run creates and changes nothing.
"""

from django.db import transaction

from . import kompas, long_story, longread, recommendations, safety, site, taxonomy

#: Capability loaders, run in order after the site tree exists. Each takes a DemoContext.
CAPABILITY_LOADERS = [
    taxonomy.load,
    longread.load,
    safety.load,
    kompas.load,
    recommendations.load,
    long_story.load,  # links the Kompas and the browse-safely page
]


@transaction.atomic
def load_demo(stdout, admin_username, admin_password):
    context = site.prepare_site(stdout)
    site.ensure_superuser(stdout, admin_username, admin_password)
    for loader in CAPABILITY_LOADERS:
        loader(context)
    return context
