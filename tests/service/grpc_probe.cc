#include "tests/service/grpc_probe.h"

#include <grpcpp/generic/generic_stub.h>

#include <chrono>

#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "absl/synchronization/notification.h"
#include "google/protobuf/io/coded_stream.h"
#include "google/protobuf/io/zero_copy_stream_impl_lite.h"
#include "google/protobuf/unknown_field_set.h"

namespace resolute {
namespace testing {
namespace {

using google::protobuf::UnknownField;
using google::protobuf::UnknownFieldSet;

// A message with one length-delimited field `number` holding `value`.
std::string LengthDelimited(int number, const std::string& value) {
  std::string out;
  google::protobuf::io::StringOutputStream stream(&out);
  google::protobuf::io::CodedOutputStream coded(&stream);
  coded.WriteTag(static_cast<uint32_t>(number << 3 | 2));
  coded.WriteVarint32(static_cast<uint32_t>(value.size()));
  coded.WriteString(value);
  coded.Trim();
  return out;
}

grpc::ByteBuffer ToBuffer(const std::string& bytes) {
  grpc::Slice slice(bytes);
  return grpc::ByteBuffer(&slice, 1);
}

std::string FromBuffer(const grpc::ByteBuffer& buffer) {
  std::vector<grpc::Slice> slices;
  (void)buffer.Dump(&slices);
  std::string out;
  for (const grpc::Slice& s : slices)
    out.append(reinterpret_cast<const char*>(s.begin()), s.size());
  return out;
}

absl::Status FromGrpc(const grpc::Status& s) {
  return absl::Status(static_cast<absl::StatusCode>(s.error_code()), s.error_message());
}

// Writes one request, half-closes, reads one response.
class OneShotReactor : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  explicit OneShotReactor(grpc::ByteBuffer request) : request_(std::move(request)) {}
  void Start() {
    StartWrite(&request_);
    StartRead(&response_);
    StartWritesDone();
    StartCall();
  }
  void OnReadDone(bool ok) override { got_response_ = ok; }
  void OnDone(const grpc::Status& s) override {
    status_ = s;
    done_.Notify();
  }
  absl::StatusOr<std::string> Await() {
    done_.WaitForNotification();
    if (!status_.ok()) return FromGrpc(status_);
    if (!got_response_) return absl::UnknownError("no response");
    return FromBuffer(response_);
  }

 private:
  grpc::ByteBuffer request_;
  grpc::ByteBuffer response_;
  bool got_response_ = false;
  grpc::Status status_;
  absl::Notification done_;
};

// Writes its requests one at a time, then half-closes; reads everything.
class RawStreamReactor : public grpc::ClientBidiReactor<grpc::ByteBuffer, grpc::ByteBuffer> {
 public:
  explicit RawStreamReactor(const std::vector<std::string>& requests) : requests_(requests) {}
  void Start() {
    StartRead(&in_);
    WriteNext();
    StartCall();
  }
  void OnWriteDone(bool ok) override {
    if (ok) WriteNext();  // Otherwise the call has ended.
  }
  void OnReadDone(bool ok) override {
    if (!ok) return;
    result_.responses.push_back(FromBuffer(in_));
    StartRead(&in_);
  }
  void OnDone(const grpc::Status& s) override {
    result_.status = s;
    done_.Notify();
  }
  RawCallResult Await() {
    done_.WaitForNotification();
    return std::move(result_);
  }

 private:
  void WriteNext() {
    if (next_ == requests_.size()) {
      StartWritesDone();
      return;
    }
    out_ = ToBuffer(requests_[next_++]);
    StartWrite(&out_);
  }

  const std::vector<std::string>& requests_;
  size_t next_ = 0;
  grpc::ByteBuffer out_;
  grpc::ByteBuffer in_;
  RawCallResult result_;
  absl::Notification done_;
};

}  // namespace

RawCallResult RawUnaryCall(const std::shared_ptr<grpc::Channel>& channel,
                           const std::string& method, const std::string& request) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  grpc::ByteBuffer request_buffer = ToBuffer(request);
  grpc::ByteBuffer response;
  RawCallResult result;
  absl::Notification done;
  stub.UnaryCall(&context, method, grpc::StubOptions(), &request_buffer, &response,
                 [&](grpc::Status s) {
                   result.status = std::move(s);
                   done.Notify();
                 });
  done.WaitForNotification();
  if (result.status.ok()) result.responses.push_back(FromBuffer(response));
  return result;
}

RawCallResult RawStreamCall(const std::shared_ptr<grpc::Channel>& channel,
                            const std::string& method, const std::vector<std::string>& requests) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  context.set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(60));
  RawStreamReactor reactor(requests);
  stub.PrepareBidiStreamingCall(&context, method, grpc::StubOptions(), &reactor);
  reactor.Start();
  return reactor.Await();
}

absl::StatusOr<int> CheckHealth(const std::shared_ptr<grpc::Channel>& channel,
                                const std::string& service) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  grpc::ByteBuffer request = ToBuffer(LengthDelimited(1, service));
  grpc::ByteBuffer response;
  grpc::Status status;
  absl::Notification done;
  stub.UnaryCall(&context, "/grpc.health.v1.Health/Check", grpc::StubOptions(), &request, &response,
                 [&](grpc::Status s) {
                   status = std::move(s);
                   done.Notify();
                 });
  done.WaitForNotification();
  if (!status.ok()) return FromGrpc(status);
  UnknownFieldSet fields;
  if (!fields.ParseFromString(FromBuffer(response))) return absl::DataLossError("bad response");
  for (int i = 0; i < fields.field_count(); ++i) {
    if (fields.field(i).number() == 1 && fields.field(i).type() == UnknownField::TYPE_VARINT) {
      return static_cast<int>(fields.field(i).varint());
    }
  }
  return static_cast<int>(kUnknown);
}

namespace {

// Sends one ServerReflectionRequest (serialized) and returns the serialized
// response.
absl::StatusOr<std::string> AskReflection(const std::shared_ptr<grpc::Channel>& channel,
                                          const std::string& request) {
  grpc::GenericStub stub(channel);
  grpc::ClientContext context;
  OneShotReactor reactor(ToBuffer(request));
  stub.PrepareBidiStreamingCall(&context,
                                "/grpc.reflection.v1alpha.ServerReflection/ServerReflectionInfo",
                                grpc::StubOptions(), &reactor);
  reactor.Start();
  return reactor.Await();
}

}  // namespace

absl::StatusOr<std::vector<std::string>> DescribeSymbol(
    const std::shared_ptr<grpc::Channel>& channel, const std::string& symbol) {
  // ServerReflectionRequest { file_containing_symbol = 4: symbol }
  absl::StatusOr<std::string> bytes = AskReflection(channel, LengthDelimited(4, symbol));
  if (!bytes.ok()) return bytes.status();
  // ServerReflectionResponse { file_descriptor_response = 4 {
  //   file_descriptor_proto = 1 (repeated) } | error_response = 7 {
  //   error_code = 1, error_message = 2 } }
  UnknownFieldSet response;
  if (!response.ParseFromString(*bytes)) return absl::DataLossError("bad response");
  std::vector<std::string> files;
  for (int i = 0; i < response.field_count(); ++i) {
    const UnknownField& field = response.field(i);
    if (field.type() != UnknownField::TYPE_LENGTH_DELIMITED) continue;
    UnknownFieldSet inner;
    if (!inner.ParseFromString(field.length_delimited())) continue;
    for (int j = 0; j < inner.field_count(); ++j) {
      const UnknownField& part = inner.field(j);
      if (field.number() == 4 && part.number() == 1) files.push_back(part.length_delimited());
      if (field.number() == 7 && part.number() == 2) {
        return absl::NotFoundError(part.length_delimited());
      }
    }
  }
  if (files.empty()) return absl::NotFoundError(absl::StrCat("no descriptor for ", symbol));
  return files;
}

absl::StatusOr<std::vector<std::string>> ListServices(
    const std::shared_ptr<grpc::Channel>& channel) {
  // ServerReflectionRequest { list_services = 7: "*" }
  absl::StatusOr<std::string> bytes = AskReflection(channel, LengthDelimited(7, "*"));
  if (!bytes.ok()) return bytes.status();
  // ServerReflectionResponse { list_services_response = 6 {
  //   service = 1 { name = 1 } } }
  UnknownFieldSet response;
  if (!response.ParseFromString(*bytes)) return absl::DataLossError("bad response");
  std::vector<std::string> names;
  for (int i = 0; i < response.field_count(); ++i) {
    if (response.field(i).number() != 6) continue;
    UnknownFieldSet list;
    if (!list.ParseFromString(response.field(i).length_delimited())) continue;
    for (int j = 0; j < list.field_count(); ++j) {
      UnknownFieldSet service;
      if (list.field(j).number() != 1 ||
          !service.ParseFromString(list.field(j).length_delimited())) {
        continue;
      }
      for (int k = 0; k < service.field_count(); ++k) {
        if (service.field(k).number() == 1) names.push_back(service.field(k).length_delimited());
      }
    }
  }
  return names;
}

}  // namespace testing
}  // namespace resolute
