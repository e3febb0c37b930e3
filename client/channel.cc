#include "client/channel.h"

namespace resolute {
namespace client {

grpc::ChannelArguments ResoluteChannelArguments() {
  grpc::ChannelArguments args;
  args.SetServiceConfigJSON(kRoundRobinServiceConfig);
  args.SetMaxReceiveMessageSize(-1);
  args.SetMaxSendMessageSize(-1);
  // gRPC's reconnection backoff (1 s, growing to 120 s) would leave a
  // restarted server unused long after it is back.
  args.SetInt(GRPC_ARG_INITIAL_RECONNECT_BACKOFF_MS, 100);
  args.SetInt(GRPC_ARG_MAX_RECONNECT_BACKOFF_MS, 2000);
  return args;
}

std::shared_ptr<grpc::Channel> CreateResoluteChannel(const std::string& target) {
  return grpc::CreateCustomChannel(target, grpc::InsecureChannelCredentials(),
                                   ResoluteChannelArguments());
}

}  // namespace client
}  // namespace resolute
