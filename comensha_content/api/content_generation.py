"""The site's content generation now lives in ``comensha_content.core.content_generation``.

Re-exported here so code importing it from the API keeps working; the story's revision cache
(``core.revision_cache``) uses the same token.
"""

from comensha_content.core.content_generation import (  # noqa: F401
    CACHE_KEY,
    IGNORED_APPS,
    SHOWN_CORE_MODELS,
    content_generation,
    is_shown_content,
    on_page_change,
    on_record_change,
    register_signal_handlers,
    renew_content_generation,
)
