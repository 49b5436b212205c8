"""WordPress exports (WXR 1.2) written for the tests, shaped like real ones.

A self-hosted WordPress with Polylang writes: the channel header (site
address, ``wp:author``, categories, tags, ``wp:term`` entries for Polylang's
``language`` and ``post_translations``, whose descriptions are PHP-serialized
arrays), then one ``<item>`` per post, page, menu item and attachment.
"""

from urllib.parse import quote
from xml.sax.saxutils import escape

SITE = "https://old-news.kz"


def php(value):
    """PHP's serialize() for what exports hold: dicts, strings, ints."""
    if isinstance(value, dict):
        inner = "".join(php(key) + php(item) for key, item in value.items())
        return f"a:{len(value)}:{{{inner}}}"
    if isinstance(value, bool):
        return f"b:{int(value)};"
    if isinstance(value, int):
        return f"i:{value};"
    text = str(value)
    return f's:{len(text.encode("utf-8"))}:"{text}";'


def cdata(text):
    return "<![CDATA[" + str(text).replace("]]>", "]]]]><![CDATA[>") + "]]>"


def term(term_id, taxonomy, slug, name, description=""):
    return (
        f"<wp:term><wp:term_id>{term_id}</wp:term_id>"
        f"<wp:term_taxonomy>{cdata(taxonomy)}</wp:term_taxonomy>"
        f"<wp:term_slug>{cdata(slug)}</wp:term_slug>"
        f"<wp:term_name>{cdata(name)}</wp:term_name>"
        f"<wp:term_description>{cdata(description)}</wp:term_description></wp:term>"
    )


def category(term_id, slug, name):
    return (
        f"<wp:category><wp:term_id>{term_id}</wp:term_id>"
        f"<wp:category_nicename>{cdata(slug)}</wp:category_nicename>"
        f"<wp:category_parent>{cdata('')}</wp:category_parent>"
        f"<wp:cat_name>{cdata(name)}</wp:cat_name></wp:category>"
    )


def polylang_languages():
    return [
        term(2, "language", "ru", "Русский", php({"locale": "ru_RU", "rtl": 0, "flag_code": "ru"})),
        term(3, "language", "kk", "Қазақша", php({"locale": "kk", "rtl": 0, "flag_code": "kz"})),
    ]


def translation_group(term_id, slug, posts):
    return term(term_id, "post_translations", slug, slug, php(posts))


def post(
    post_id,
    title,
    content,
    *,
    status="publish",
    date_gmt="2019-05-14 09:30:00",
    date=None,
    language=None,
    group=None,
    categories=(("novosti", "Новости"),),
    tags=(),
    excerpt="",
    sticky=False,
    thumbnail=None,
    slug=None,
    link=None,
    creator="aigerim",
    comments=0,
    post_type="post",
    site=SITE,
):
    slug = slug or f"post-{post_id}"
    prefix = "/kk" if language == "kk" else ""
    link = link or f"{site}{prefix}/2019/05/{quote(slug)}/"
    terms = "".join(
        f'<category domain="category" nicename="{escape(nice)}">{cdata(name)}</category>'
        for nice, name in categories
    )
    terms += "".join(
        f'<category domain="post_tag" nicename="{escape(nice)}">{cdata(name)}</category>'
        for nice, name in tags
    )
    if language:
        terms += f'<category domain="language" nicename="{language}">{cdata(language)}</category>'
    if group:
        terms += (
            f'<category domain="post_translations" nicename="{group}">{cdata(group)}</category>'
        )
    meta = ""
    if thumbnail:
        meta += postmeta("_thumbnail_id", thumbnail)
    comment_xml = "".join(
        f"<wp:comment><wp:comment_id>{post_id * 100 + n}</wp:comment_id>"
        f"<wp:comment_content>{cdata('Отличная новость')}</wp:comment_content></wp:comment>"
        for n in range(comments)
    )
    local_date = date or date_gmt
    return f"""
	<item>
		<title>{escape(title)}</title>
		<link>{escape(link)}</link>
		<pubDate>Tue, 14 May 2019 09:30:00 +0000</pubDate>
		<dc:creator>{cdata(creator)}</dc:creator>
		<guid isPermaLink="false">{site}/?p={post_id}</guid>
		<description></description>
		<content:encoded>{cdata(content)}</content:encoded>
		<excerpt:encoded>{cdata(excerpt)}</excerpt:encoded>
		<wp:post_id>{post_id}</wp:post_id>
		<wp:post_date>{cdata(local_date)}</wp:post_date>
		<wp:post_date_gmt>{cdata(date_gmt)}</wp:post_date_gmt>
		<wp:comment_status>{cdata("open")}</wp:comment_status>
		<wp:post_name>{cdata(quote(slug).lower())}</wp:post_name>
		<wp:status>{cdata(status)}</wp:status>
		<wp:post_parent>0</wp:post_parent>
		<wp:menu_order>0</wp:menu_order>
		<wp:post_type>{cdata(post_type)}</wp:post_type>
		<wp:post_password>{cdata("")}</wp:post_password>
		<wp:is_sticky>{int(sticky)}</wp:is_sticky>
		{terms}{meta}{comment_xml}
	</item>"""


def postmeta(key, value):
    return (
        f"<wp:postmeta><wp:meta_key>{cdata(key)}</wp:meta_key>"
        f"<wp:meta_value>{cdata(value)}</wp:meta_value></wp:postmeta>"
    )


def attachment(post_id, file, *, parent=0, caption="", alt="", credit="", site=SITE):
    """An uploaded picture, with the sizes WordPress made of it (300x200, 1024x683)."""
    stem, _dot, extension = file.rpartition(".")
    name = stem.rpartition("/")[2]
    sizes = {
        "medium": {"file": f"{name}-300x200.{extension}", "width": 300, "height": 200},
        "large": {"file": f"{name}-1024x683.{extension}", "width": 1024, "height": 683},
    }
    metadata = php(
        {
            "width": 1200,
            "height": 800,
            "file": file,
            "sizes": sizes,
            "image_meta": {"credit": credit, "caption": "", "copyright": "", "title": ""},
        }
    )
    url = f"{site}/wp-content/uploads/{quote(file)}"
    meta = postmeta("_wp_attached_file", file) + postmeta("_wp_attachment_metadata", metadata)
    if alt:
        meta += postmeta("_wp_attachment_image_alt", alt)
    return f"""
	<item>
		<title>{escape(name)}</title>
		<link>{site}/?attachment_id={post_id}</link>
		<dc:creator>{cdata("aigerim")}</dc:creator>
		<guid isPermaLink="false">{url}</guid>
		<content:encoded>{cdata("")}</content:encoded>
		<excerpt:encoded>{cdata(caption)}</excerpt:encoded>
		<wp:post_id>{post_id}</wp:post_id>
		<wp:post_date>{cdata("2019-05-14 14:00:00")}</wp:post_date>
		<wp:post_date_gmt>{cdata("2019-05-14 09:00:00")}</wp:post_date_gmt>
		<wp:post_name>{cdata(name)}</wp:post_name>
		<wp:status>{cdata("inherit")}</wp:status>
		<wp:post_parent>{parent}</wp:post_parent>
		<wp:post_type>{cdata("attachment")}</wp:post_type>
		<wp:attachment_url>{cdata(url)}</wp:attachment_url>
		{meta}
	</item>"""


def export(items, *, terms=(), site=SITE, scheme="http"):
    """A whole export file's text (``scheme="https"`` as WordPress.com writes it)."""
    head, tail = export_frame(terms=terms, site=site, scheme=scheme)
    return head + "".join(items) + tail


def export_frame(*, terms=(), site=SITE, scheme="http"):
    """(what comes before the items, what comes after): for writing a big export in parts."""
    wp = f"{scheme}://wordpress.org/export/1.2/"
    return (
        f"""<?xml version="1.0" encoding="UTF-8" ?>
<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->
<rss version="2.0"
	xmlns:excerpt="{scheme}://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="{wp}"
>
<channel>
	<title>Новости Актау</title>
	<link>{site}</link>
	<description>Новости Актау и Мангыстау</description>
	<pubDate>Mon, 01 Dec 2026 10:00:00 +0000</pubDate>
	<language>ru-RU</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>{site}</wp:base_site_url>
	<wp:base_blog_url>{site}</wp:base_blog_url>
	<wp:author><wp:author_id>1</wp:author_id><wp:author_login>{cdata("aigerim")}</wp:author_login>
		<wp:author_email>{cdata("a@old-news.kz")}</wp:author_email>
		<wp:author_display_name>{cdata("Айгерим Сапарова")}</wp:author_display_name></wp:author>
	{"".join(terms)}
	<generator>https://wordpress.org/?v=6.4.2</generator>
""",
        """
</channel>
</rss>
""",
    )
