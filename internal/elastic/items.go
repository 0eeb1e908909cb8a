package elastic

import (
	"encoding/json"
	"fmt"
	"io"
)

type bulkResponse struct {
	Errors bool `json:"errors"`
	Items  []map[string]struct {
		ID     string `json:"_id"`
		Status int    `json:"status"`
		Error  *struct {
			Type   string `json:"type"`
			Reason string `json:"reason"`
		} `json:"error"`
	} `json:"items"`
}

// verdicts reads a bulk response, calls Done for every item with a final
// verdict and returns the items to retry (429 or 5xx).
func (w *BulkWriter) verdicts(r io.Reader, items []Item) ([]Item, error) {
	var br bulkResponse
	if err := json.NewDecoder(r).Decode(&br); err != nil {
		return nil, fmt.Errorf("failed to decode bulk response: %w", err)
	}
	if len(br.Items) != len(items) {
		return nil, fmt.Errorf("bulk response has %d items for %d sent", len(br.Items), len(items))
	}
	var retry []Item
	for i, entry := range br.Items {
		it := items[i]
		for _, res := range entry {
			switch {
			case res.Status < 300:
				it.Done(Result{Verdict: success(it), Status: res.Status})
			case res.Status == 409:
				it.Done(Result{Verdict: Stale, Status: res.Status})
			case res.Status == 429 || res.Status >= 500:
				retry = append(retry, it)
			default:
				reason := "unknown"
				if res.Error != nil {
					reason = res.Error.Type + ": " + res.Error.Reason
				}
				it.Done(Result{Verdict: Poison, Status: res.Status, Reason: reason})
			}
		}
	}
	return retry, nil
}

func success(it Item) Verdict {
	if it.Withdrawn {
		return Withdrawn
	}
	return Indexed
}
