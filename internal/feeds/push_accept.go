package feeds

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"go.uber.org/zap"

	"github.com/warwire/warwire/internal/config"
	"github.com/warwire/warwire/internal/feeds/parse"
	"github.com/warwire/warwire/schemas"
)

// maxDetails bounds the problems listed in one answer.
const maxDetails = 20

// accept checks a request body, sends its stories and answers.
func (p *PushServer) accept(ctx context.Context, w http.ResponseWriter, body []byte, format, contentType string) {
	if format == "" {
		f, err := parse.Detect(body)
		if err != nil {
			p.fail(w, http.StatusBadRequest, "the body is neither NINJS JSON nor NewsML-G2 XML", err.Error())
			return
		}
		format = f
	}
	if format == config.FormatNINJS {
		if details := checkNINJS(body); len(details) > 0 {
			p.fail(w, http.StatusBadRequest, "the NINJS is not valid; nothing was accepted", details...)
			return
		}
	}
	res, err := parse.Parse(body, parse.Options{ContentType: contentType, Format: format})
	if err != nil {
		p.fail(w, http.StatusBadRequest, describe(err, format), err.Error())
		return
	}
	if details := itemProblems(res); len(details) > 0 {
		p.fail(w, http.StatusBadRequest, "some stories cannot be used; nothing was accepted", details...)
		return
	}
	if len(res.Items) == 0 {
		p.fail(w, http.StatusBadRequest, "the request holds no text story (pictures and packages carry none)")
		return
	}
	p.mu.Lock()
	out, err := p.send.send(ctx, batch{feed: PushFeed, format: res.Format, items: res.Items})
	p.mu.Unlock()
	if err != nil {
		w.Header().Set("Retry-After", "5")
		p.fail(w, http.StatusServiceUnavailable, "Kafka did not acknowledge the stories; none counts as accepted, send them again")
		return
	}
	p.count(out)
	if err := p.send.store.Save(); err != nil {
		p.log.Error("push state not saved; the stories are in Kafka", zap.String(keyKind, KindState), zap.Error(err))
	}
	p.reply(w, http.StatusAccepted, acceptedReply(res.Items, out))
}

func (p *PushServer) count(out outcome) {
	p.m.ItemsSeen.WithLabelValues(PushFeed).Add(float64(out.Seen))
	p.m.ItemsNew.WithLabelValues(PushFeed).Add(float64(out.New))
	p.m.ItemsUpdated.WithLabelValues(PushFeed).Add(float64(out.Updated))
	p.m.ItemsSent.WithLabelValues(PushFeed).Add(float64(out.Sent))
}

func acceptedReply(items []parse.Item, out outcome) pushReply {
	sent := make(map[string]string, len(out.Messages))
	for _, m := range out.Messages {
		sent[m.URI] = m.Version
	}
	r := pushReply{Sent: out.Sent}
	seen := map[string]bool{}
	for _, it := range items {
		if seen[it.URI] {
			continue
		}
		seen[it.URI] = true
		st := pushedStory{URI: it.URI, Status: "unchanged"}
		if v, ok := sent[it.URI]; ok {
			st.Version, st.Status = v, "sent"
		}
		r.Stories = append(r.Stories, st)
	}
	r.Accepted = len(r.Stories)
	return r
}

// checkNINJS validates every document against schemas/ninjs.schema.json and
// lists the problems as "document N: /field: what is wrong".
func checkNINJS(body []byte) []string {
	docs, err := parse.SplitNINJS(body)
	if err != nil {
		return []string{err.Error()}
	}
	if len(docs) == 0 {
		return []string{"the body holds no JSON document"}
	}
	var out []string
	for i, d := range docs {
		err := schemas.ValidateStory(d)
		var ve *schemas.ValidationError
		switch {
		case errors.As(err, &ve):
			for _, pr := range ve.Problems {
				out = append(out, fmt.Sprintf("document %d: %s", i+1, pr))
			}
		case err != nil:
			out = append(out, fmt.Sprintf("document %d: %v", i+1, err))
		}
		if len(out) >= maxDetails {
			return out[:maxDetails]
		}
	}
	return out
}

// itemProblems lists skipped items and items whose message would not be a
// valid story.
func itemProblems(res *parse.Result) []string {
	var out []string
	for _, e := range res.Skipped {
		out = append(out, e.Error())
	}
	for i := range res.Items {
		if _, err := encodeValid(res.Items[i].Message(1, res.Items[i].VersionCreated)); err != nil {
			out = append(out, err.Error())
		}
	}
	if len(out) > maxDetails {
		out = out[:maxDetails]
	}
	return out
}

// describe says in words what is wrong with a body that does not parse.
func describe(err error, format string) string {
	var pe *parse.Error
	if errors.As(err, &pe) {
		switch pe.Kind {
		case parse.KindEncoding:
			return "the body's character encoding is unknown or broken; send UTF-8"
		case parse.KindNotAFeed:
			return "the body is not a NINJS document or a NewsML-G2 newsItem or newsMessage"
		}
	}
	if format == config.FormatNINJS {
		return "the body is not valid NINJS JSON"
	}
	return "the body is not well-formed NewsML-G2 XML"
}
