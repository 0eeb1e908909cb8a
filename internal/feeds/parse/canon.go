package parse

import (
	"net/url"
	"sort"
	"strings"
)

// trackingParams are query parameters that identify a campaign or a click,
// not a page. Compared in lower case; utm_* is handled by prefix.
var trackingParams = map[string]bool{
	"fbclid": true, "gclid": true, "gclsrc": true, "dclid": true, "gbraid": true,
	"wbraid": true, "msclkid": true, "yclid": true, "twclid": true, "ttclid": true,
	"igshid": true, "mc_cid": true, "mc_eid": true, "_ga": true, "_gl": true,
	"_hsenc": true, "_hsmi": true, "mkt_tok": true, "oly_anon_id": true,
	"oly_enc_id": true, "vero_id": true, "vero_conv": true, "wt.mc_id": true,
	"wt_mc": true, "ocid": true, "ncid": true, "cmpid": true, "icid": true,
	"at_medium": true, "at_campaign": true, "ito": true, "sr_share": true,
	"s_cid": true, "__twitter_impression": true, "ref_src": true, "ref_url": true,
	"spm": true, "smid": true, "rss": true,
	"outputtype": true, "amp": true,
}

// hostPrefixes are labels that name a variant of the same site.
var hostPrefixes = []string{"www.", "m.", "mobile.", "amp.", "www2."}

// CanonicalURL returns the canonical form of an http(s) URL used as a story
// identity: scheme and host in lower case, default port dropped, the www.,
// m., mobile. and amp. variants of the host folded, AMP path variants
// (/amp, /amp/ and .amp.html) folded, tracking parameters (utm_*, fbclid,
// gclid, mc_cid, ...) and the fragment removed, the remaining query sorted.
// Anything that is not an absolute http(s) URL is returned trimmed but
// otherwise unchanged.
func CanonicalURL(raw string) string {
	raw = strings.TrimSpace(raw)
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return raw
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return raw
	}
	u.Scheme = scheme
	u.Host = canonicalHost(u.Hostname(), u.Port(), scheme)
	u.User = nil
	u.Fragment, u.RawFragment = "", ""
	u.Path = canonicalPath(u.Path)
	u.RawPath = ""
	u.RawQuery = canonicalQuery(u.Query())
	u.ForceQuery = false
	return u.String()
}

func canonicalHost(host, port, scheme string) string {
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	for changed := true; changed; {
		changed = false
		for _, p := range hostPrefixes {
			rest := strings.TrimPrefix(host, p)
			if rest != host && strings.Contains(rest, ".") {
				host, changed = rest, true
			}
		}
	}
	if strings.Contains(host, ":") { // IPv6 literal
		host = "[" + host + "]"
	}
	if port == "" || (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		return host
	}
	return host + ":" + port
}

func canonicalPath(p string) string {
	switch {
	case p == "":
		return "/"
	case strings.HasSuffix(p, ".amp.html"):
		p = strings.TrimSuffix(p, ".amp.html") + ".html"
	case strings.HasSuffix(p, "/amp/") || strings.HasSuffix(p, "/amp"):
		p = strings.TrimSuffix(strings.TrimSuffix(p, "/"), "/amp")
		if p == "" {
			p = "/"
		}
	case strings.HasPrefix(p, "/amp/"):
		p = strings.TrimPrefix(p, "/amp")
	}
	return p
}

func canonicalQuery(q url.Values) string {
	for k := range q {
		lk := strings.ToLower(k)
		if strings.HasPrefix(lk, "utm_") || trackingParams[lk] {
			delete(q, k)
		}
	}
	if len(q) == 0 {
		return ""
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	for _, k := range keys {
		vs := q[k]
		sort.Strings(vs)
		for _, v := range vs {
			if b.Len() > 0 {
				b.WriteByte('&')
			}
			b.WriteString(url.QueryEscape(k))
			b.WriteByte('=')
			b.WriteString(url.QueryEscape(v))
		}
	}
	return b.String()
}
