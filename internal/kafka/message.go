package kafka

import (
	"time"

	kgo "github.com/segmentio/kafka-go"
)

// Message is one consumed Kafka message.
type Message struct {
	Topic     string
	Partition int
	Offset    int64
	Key       []byte
	Value     []byte
	Headers   map[string]string
	Time      time.Time
	// HighWaterMark is the partition's next offset when the message was fetched.
	HighWaterMark int64
}

func fromKafka(m kgo.Message) Message {
	var h map[string]string
	if len(m.Headers) > 0 {
		h = make(map[string]string, len(m.Headers))
		for _, x := range m.Headers {
			h[x.Key] = string(x.Value)
		}
	}
	return Message{
		Topic: m.Topic, Partition: m.Partition, Offset: m.Offset,
		Key: m.Key, Value: m.Value, Headers: h, Time: m.Time, HighWaterMark: m.HighWaterMark,
	}
}
