package search

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"

	"go.uber.org/zap"
)

// APIError is the JSON body of every error answer:
// {"error": {"status": 400, "code": "bad_parameter", "parameter": "from", "message": "..."}}.
// Message is written for a person; it never carries Elasticsearch's text.
type APIError struct {
	Status    int    `json:"status"`
	Code      string `json:"code"`
	Parameter string `json:"parameter,omitempty"`
	Message   string `json:"message"`
}

// Messages for failures whose details stay in the log.
const (
	msgUnavailable = "Search is temporarily unavailable. Please try again in a minute."
	msgTimeout     = "The search took too long. Narrow the query, the filters or the date range and try again."
	msgRejected    = "The search could not be run as written. Simplify the query text and try again."
	msgInternal    = "Something went wrong on our side. The problem has been logged."
	msgNotFound    = "There is no story with this id."
	msgWithdrawn   = "This story was withdrawn by its publisher; its text is no longer available."
	msgExpired     = "This cursor has expired or is no longer valid. Start again from the first page."
)

// toAPIError classifies err. The bool is false for a client that went away
// (nothing is worth sending).
func toAPIError(err error) (APIError, bool) {
	var pe *ParamError
	switch {
	case errors.As(err, &pe):
		return APIError{Status: http.StatusBadRequest, Code: "bad_parameter", Parameter: pe.Param, Message: pe.Error()}, true
	case errors.Is(err, ErrNotFound):
		return APIError{Status: http.StatusNotFound, Code: "not_found", Message: msgNotFound}, true
	case errors.Is(err, ErrWithdrawn):
		return APIError{Status: http.StatusGone, Code: "withdrawn", Message: msgWithdrawn}, true
	case errors.Is(err, ErrCursorExpired):
		return APIError{Status: http.StatusBadRequest, Code: "cursor_expired", Parameter: "cursor", Message: msgExpired}, true
	case errors.Is(err, ErrTimeout), errors.Is(err, context.DeadlineExceeded):
		return APIError{Status: http.StatusGatewayTimeout, Code: "timeout", Message: msgTimeout}, true
	case errors.Is(err, ErrRejected):
		return APIError{Status: http.StatusBadRequest, Code: "query_rejected", Parameter: "q", Message: msgRejected}, true
	case errors.Is(err, ErrUnavailable):
		return APIError{Status: http.StatusServiceUnavailable, Code: "unavailable", Message: msgUnavailable}, true
	case errors.Is(err, context.Canceled):
		return APIError{}, false
	default:
		return APIError{Status: http.StatusInternalServerError, Code: "internal", Message: msgInternal}, true
	}
}

// writeError answers with the JSON error for err and logs the cause.
func (sv *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	ae, ok := toAPIError(err)
	if !ok {
		sv.log.Debug("client went away", zap.String("path", r.URL.Path), zap.Error(err))
		return
	}
	switch {
	case ae.Status >= 500:
		sv.log.Error("search request failed", zap.String("path", r.URL.Path), zap.Int("status", ae.Status), zap.Error(err))
	case ae.Code == "query_rejected" || ae.Code == "cursor_expired":
		sv.log.Warn("search request refused by Elasticsearch", zap.String("path", r.URL.Path), zap.Error(err))
	}
	writeAPIError(w, ae)
}

func writeAPIError(w http.ResponseWriter, ae APIError) {
	writeJSON(w, ae.Status, map[string]APIError{"error": ae})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	_ = enc.Encode(v)
}
