// `whosaid serve`'s server (src/serve/) running in the test process on a
// free loopback port, for the tests that talk HTTP to it.
#ifndef WHOSAID_TESTS_RUNNING_SERVER_H_
#define WHOSAID_TESTS_RUNNING_SERVER_H_

#include <gtest/gtest.h>
#include <httplib.h>

#include <memory>
#include <thread>
#include <utility>

#include "serve/api.h"
#include "serve/server.h"
#include "whosaid/rule_set.h"

namespace whosaid::serve {

inline std::shared_ptr<const RuleSet> BuiltinRules() {
  auto rules = RuleSet::Load({BuiltinEnglishPack()});
  EXPECT_TRUE(rules.ok()) << rules.status().message();
  return *rules;
}

// A server with the built-in rules (and `store`, if any) on a free
// loopback port, serving until the object goes.
class RunningServer {
 public:
  explicit RunningServer(ServerOptions options = {},
                         std::unique_ptr<StoreEndpoints> store = nullptr)
      : api_(BuiltinRules(), 2, std::move(store)) {
    options.port = 0;
    server_ = std::make_unique<Server>(api_, options);
    auto port = server_->Bind();
    EXPECT_TRUE(port.ok()) << port.status().message();
    port_ = port.ok() ? *port : 0;
    thread_ = std::thread([this] { server_->Listen(); });
  }
  ~RunningServer() {
    server_->Stop();
    thread_.join();
  }
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  int port() const { return port_; }
  // A client of the server, with generous timeouts for a loaded machine.
  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(60);
    client.set_write_timeout(60);
    return client;
  }

 private:
  Api api_;
  std::unique_ptr<Server> server_;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace whosaid::serve

#endif  // WHOSAID_TESTS_RUNNING_SERVER_H_
