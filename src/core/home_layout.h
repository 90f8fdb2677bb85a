/*
 * The client home page layout (the home_layout setting) — the rules that need no Zend:
 * block types, limits, which links and image references are allowed. The walk over the
 * decoded JSON is src/settings/home_layout.c.
 */
#ifndef CLOUDACCT_CORE_HOME_LAYOUT_H
#define CLOUDACCT_CORE_HOME_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

typedef enum {
	CLOUDACCT_BLOCK_NONE = 0, /* not a known type */
	CLOUDACCT_BLOCK_SLIDES,   /* {type, hidden?, items: [{image, link?}]} */
	CLOUDACCT_BLOCK_MENU,     /* {type, hidden?, title?, items: [{label, link, icon?}]} */
	CLOUDACCT_BLOCK_NOTICE,   /* {type, hidden?, text} */
	CLOUDACCT_BLOCK_SERVICES, /* {type, hidden?, title?, ids: [service id…] (empty: the first on sale), limit} */
	CLOUDACCT_BLOCK_CUSTOM,   /* {type, hidden?, title?, text} — plain text, shown escaped */
} cloudacct_block_type;

#define CLOUDACCT_LAYOUT_MAX_BLOCKS 20
#define CLOUDACCT_LAYOUT_MAX_SLIDES 10
#define CLOUDACCT_LAYOUT_MAX_MENU 20
#define CLOUDACCT_LAYOUT_MAX_SERVICES 20 /* ids listed, and the limit */
#define CLOUDACCT_LAYOUT_TITLE_CHARS 32  /* block titles, custom block title */
#define CLOUDACCT_LAYOUT_LABEL_CHARS 8   /* a menu entry's label (1..8) */
#define CLOUDACCT_LAYOUT_NOTICE_CHARS 200
#define CLOUDACCT_LAYOUT_CUSTOM_CHARS 2000
#define CLOUDACCT_LAYOUT_URL_BYTES 255  /* links and image references */

/* "slides" → CLOUDACCT_BLOCK_SLIDES…; anything else → CLOUDACCT_BLOCK_NONE. */
cloudacct_block_type cloudacct_block_type_of(const char *s, size_t len);
const char *cloudacct_block_type_name(cloudacct_block_type t);

/* The module's own client pages a link may name ("services", "bills"…), NULL-terminated. */
extern const char *const cloudacct_layout_pages[];

typedef enum {
	CLOUDACCT_REF_OK = 0,
	CLOUDACCT_REF_EMPTY,      /* required but empty */
	CLOUDACCT_REF_TOO_LONG,   /* over CLOUDACCT_LAYOUT_URL_BYTES */
	CLOUDACCT_REF_SCHEME,     /* a scheme other than https (javascript:, data:, http:…) */
	CLOUDACCT_REF_BAD_URL,    /* https:// without a host, or with spaces, quotes, <, >, \, controls */
	CLOUDACCT_REF_UNKNOWN_PAGE, /* not one of cloudacct_layout_pages */
	CLOUDACCT_REF_DOTDOT,     /* a path with a ".." segment */
	CLOUDACCT_REF_BAD_PATH,   /* absolute, "//", characters outside [A-Za-z0-9._/-] */
	CLOUDACCT_REF_NOT_IMAGE,  /* not .jpg .jpeg .png .gif .webp */
} cloudacct_ref_status;

/*
 * A link: "" (none, when optional), a page of cloudacct_layout_pages, or an https:// URL.
 * Service detail pages are "service:<id>" with a positive id.
 */
cloudacct_ref_status cloudacct_layout_link_check(const char *s, size_t len, bool required);

/* An image: an attachment path relative to 微擎's attachment directory ("images/1/2026/11/a.jpg",
 * with an image extension) or an https:// URL; no ".." anywhere. */
cloudacct_ref_status cloudacct_layout_image_check(const char *s, size_t len, bool required);

/* Short Chinese message (with the English gist) for a status. Never NULL. */
const char *cloudacct_ref_status_message(cloudacct_ref_status st);

#endif
