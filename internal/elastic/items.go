package elastic

import (
	"encoding/json"
	"fmt"
	"io"
)

// bulkFilter trims Elasticsearch's bulk response to what verdicts reads
// (each item's id, status and error) plus a whole-request error, so neither
// side spends CPU on shard counts, sequence numbers and index names.
const bulkFilter = "filter_path=items.*._id,items.*.status,items.*.error,error,status"

// bulkResponse is a bulk response as filtered by bulkFilter. Every item is
// an index action: another action name leaves Index nil.
type bulkResponse struct {
	Items []struct {
		Index *itemResult `json:"index"`
	} `json:"items"`
}

// itemResult is one item's answer.
type itemResult struct {
	ID     string `json:"_id"`
	Status int    `json:"status"`
	Error  *struct {
		Type   string `json:"type"`
		Reason string `json:"reason"`
	} `json:"error"`
}

// verdicts reads a bulk response, calls Done for every item with a final
// verdict and returns the items to retry. A response that does not answer
// exactly the items sent, in order, is an error before any Done is called,
// so the whole request is retried and no item gets two verdicts.
func (w *BulkWriter) verdicts(r io.Reader, items []Item) ([]Item, error) {
	var br bulkResponse
	if err := json.NewDecoder(r).Decode(&br); err != nil {
		return nil, fmt.Errorf("failed to decode bulk response: %w", err)
	}
	if len(br.Items) != len(items) {
		return nil, fmt.Errorf("bulk response has %d items for %d sent", len(br.Items), len(items))
	}
	for i, entry := range br.Items {
		if entry.Index == nil || entry.Index.ID != items[i].ID {
			return nil, fmt.Errorf("bulk response item %d does not answer document %s", i, items[i].ID)
		}
	}
	var retry []Item
	for i, entry := range br.Items {
		it, res := items[i], entry.Index
		switch {
		case res.Status >= 200 && res.Status < 300:
			it.Done(Result{Verdict: success(it), Status: res.Status})
		case res.Status == 409:
			it.Done(Result{Verdict: Stale, Status: res.Status})
		case retriable(res.Status):
			retry = append(retry, it)
		default:
			reason := "unknown"
			if res.Error != nil {
				reason = res.Error.Type + ": " + res.Error.Reason
			}
			it.Done(Result{Verdict: Poison, Status: res.Status, Reason: reason})
		}
	}
	return retry, nil
}

// retriable statuses are about the cluster's state, not the document: too
// many requests, server errors, a missing index or a blocked one (403
// cluster_block_exception, e.g. disk flood stage).
func retriable(status int) bool {
	return status == 429 || status >= 500 || status == 403 || status == 404 || status < 200
}

func success(it Item) Verdict {
	if it.Withdrawn {
		return Withdrawn
	}
	return Indexed
}
