package kafka

import (
	"context"
	"strconv"
	"time"
)

// DLQ header keys. Together they say why, where and when a message failed.
const (
	HeaderReason    = "warwire-reason"
	HeaderStage     = "warwire-stage"
	HeaderError     = "warwire-error"
	HeaderTopic     = "warwire-source-topic"
	HeaderPartition = "warwire-source-partition"
	HeaderOffset    = "warwire-source-offset"
	HeaderFailedAt  = "warwire-failed-at"
)

// maxErrorHeader bounds the error text carried in a header.
const maxErrorHeader = 1024

// DeadLetters writes messages that cannot be indexed to the dead-letter topic
// with their original key, value and headers plus the reason headers.
type DeadLetters struct {
	p   *Producer
	now func() time.Time
}

// NewDeadLetters wraps a producer for the DLQ topic.
func NewDeadLetters(p *Producer) *DeadLetters {
	return &DeadLetters{p: p, now: time.Now}
}

// Send writes m to the DLQ and returns once Kafka acknowledged it.
func (d *DeadLetters) Send(ctx context.Context, m Message, stage, reason, errText string) error {
	h := make(map[string]string, len(m.Headers)+7)
	for k, v := range m.Headers {
		h[k] = v
	}
	if len(errText) > maxErrorHeader {
		errText = errText[:maxErrorHeader]
	}
	h[HeaderReason] = reason
	h[HeaderStage] = stage
	h[HeaderError] = errText
	h[HeaderTopic] = m.Topic
	h[HeaderPartition] = strconv.Itoa(m.Partition)
	h[HeaderOffset] = strconv.FormatInt(m.Offset, 10)
	h[HeaderFailedAt] = d.now().UTC().Format(time.RFC3339Nano)
	return d.p.Publish(ctx, Record{Key: m.Key, Value: m.Value, Headers: h})
}
