"""Webhooks for front ends: tell Next.js, Astro & co. that a page was published, unpublished
(also when consent takes a story offline) or deleted, so they revalidate its URLs.

- ``models``: the endpoints (configured in the admin) and the delivery log;
- ``events``: Wagtail's signals turned into signed JSON payloads, queued after the commit;
- ``delivery``: the django-tasks task that POSTs them and retries with exponential backoff;
- ``admin``: the viewsets under Settings (superusers or the models' permissions only).

See docs/api.md, "Webhooks".
"""
