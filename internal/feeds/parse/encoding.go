package parse

import (
	"bytes"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// xmlDecl matches an XML declaration and captures its encoding.
var xmlDecl = regexp.MustCompile(`^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._:-]+)["'][^>]*\?>`)

// ToUTF8 returns data as UTF-8. The charset comes from a byte-order mark, the
// XML declaration, or the Content-Type header, in that order; the XML
// declaration is rewritten to say UTF-8 so that XML parsers do not decode a
// second time. Bytes that are not valid in the result are replaced by U+FFFD.
// An unknown charset is an *Error of kind KindEncoding.
func ToUTF8(data []byte, contentType string) ([]byte, error) {
	if enc, rest := bomEncoding(data); enc != nil {
		return decode(enc, rest)
	}
	head := data
	if len(head) > 512 {
		head = head[:512]
	}
	if m := xmlDecl.FindSubmatchIndex(head); m != nil {
		label := string(data[m[2]:m[3]])
		out, err := decodeLabel(label, data)
		if err != nil {
			return nil, err
		}
		return rewriteDecl(out), nil
	}
	if label := headerCharset(contentType); label != "" {
		return decodeLabel(label, data)
	}
	return valid(data), nil
}

func bomEncoding(data []byte) (encoding.Encoding, []byte) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		return encoding.Nop, data[3:]
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), data[2:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), data[2:]
	}
	return nil, nil
}

func decodeLabel(label string, data []byte) ([]byte, error) {
	enc, name := charset.Lookup(label)
	if enc == nil {
		return nil, errorf(KindEncoding, "unknown character encoding %q", label)
	}
	if name == "utf-8" {
		return valid(data), nil
	}
	return decode(enc, data)
}

func decode(enc encoding.Encoding, data []byte) ([]byte, error) {
	if enc == encoding.Nop {
		return valid(data), nil
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		return nil, &Error{Kind: KindEncoding, Err: err}
	}
	out = rewriteDecl(out)
	return valid(out), nil
}

// rewriteDecl makes an XML declaration, if any, say UTF-8.
func rewriteDecl(data []byte) []byte {
	m := xmlDecl.FindSubmatchIndex(data)
	if m == nil {
		return data
	}
	out := make([]byte, 0, len(data))
	out = append(out, data[:m[2]]...)
	out = append(out, "UTF-8"...)
	return append(out, data[m[3]:]...)
}

func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(params["charset"])
}

func valid(data []byte) []byte {
	if utf8.Valid(data) {
		return data
	}
	return bytes.ToValidUTF8(data, []byte("\uFFFD"))
}
