// Writing JSON as a stream of events, so that a result can become JSON
// text (or another form, such as Python objects) without first becoming a
// tree of nodes.
#ifndef WHOSAID_JSON_SINK_H_
#define WHOSAID_JSON_SINK_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid {

// Receives one JSON value as events: inside an object, Key() comes before
// each member's value. Callers keep the events well nested.
class JsonSink {
 public:
  virtual ~JsonSink() = default;
  virtual void BeginObject() = 0;
  virtual void EndObject() = 0;
  virtual void BeginArray() = 0;
  virtual void EndArray() = 0;
  virtual void Key(std::string_view key) = 0;
  virtual void String(std::string_view utf8) = 0;  // valid UTF-8
  virtual void Int(std::int64_t value) = 0;
  virtual void Double(double value) = 0;
  virtual void Bool(bool value) = 0;
  virtual void Null() = 0;
};

// Appends compact JSON text to a string, byte for byte as
// nlohmann::json::dump() writes the same value: no spaces, UTF-8 kept as
// it is, '"', '\\' and control characters escaped ("\n", "\u001f"), and
// doubles in their shortest form that reads back the same ("0.6", "1.0").
class JsonTextWriter : public JsonSink {
 public:
  explicit JsonTextWriter(std::string* out) : out_(out) {}

  void BeginObject() override;
  void EndObject() override;
  void BeginArray() override;
  void EndArray() override;
  void Key(std::string_view key) override;
  void String(std::string_view utf8) override;
  void Int(std::int64_t value) override;
  void Double(double value) override;
  void Bool(bool value) override;
  void Null() override;

 private:
  // A comma before every value of an array but its first; object members
  // get theirs from Key().
  void BeforeValue();
  void Quoted(std::string_view utf8);

  std::string* out_;
  // For each open array or object: whether it has a member yet.
  std::vector<bool> has_member_;
  bool after_key_ = false;  // the next value is a member's
};

}  // namespace whosaid

#endif  // WHOSAID_JSON_SINK_H_
