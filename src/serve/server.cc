#include "serve/server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <string_view>

#include "serve/page.h"

namespace whosaid::serve {
namespace {

// Every path the server answers, with the methods it allows there.
struct Endpoint {
  std::string_view path;
  std::string_view method;
};
constexpr Endpoint kEndpoints[] = {
    {"/", "GET"},          {"/healthz", "GET"},
    {"/v1/rules", "GET"},  {"/v1/extract", "POST"},
    {"/v1/search", "GET"}, {"/v1/verify", "POST"},
};

// Nothing the API sends is a page to run: no scripts, no sniffing.
constexpr char kApiPolicy[] = "default-src 'none'; frame-ancestors 'none'";

void Send(const Response& response, httplib::Response& res) {
  res.status = response.status;
  res.set_content(response.body, response.content_type);
}

// The endpoint at `path`, or null.
const Endpoint* FindEndpoint(const std::string& path) {
  for (const Endpoint& e : kEndpoints) {
    if (e.path == path) return &e;
  }
  return nullptr;
}

// The message of an error the router or the transport produced.
std::string ErrorMessage(const httplib::Request& req, int status,
                         std::size_t max_body) {
  switch (status) {
    case 404:
      return "no such endpoint: " + req.path;
    case 413:
      return "body too large: the limit is " + std::to_string(max_body) +
             " bytes (--max-body)";
    case 400:
      return "malformed HTTP request";
    default:
      return "HTTP error " + std::to_string(status);
  }
}

}  // namespace

int Server::ConnectionThreads(int extraction_threads) {
  return std::max(128, 16 * extraction_threads);
}

Server::Server(Api& api, ServerOptions options)
    : api_(api),
      options_(std::move(options)),
      http_(std::make_unique<httplib::Server>()),
      page_(ReviewPage(api.has_store())) {
  const int connections = ConnectionThreads(std::max(1, options_.threads));
  http_->new_task_queue = [connections] {
    return new httplib::ThreadPool(connections);
  };
  http_->set_payload_max_length(options_.max_body);
  // A client that keeps its connection gets many answers on it (the
  // default, 5, makes busy clients reconnect all the time).
  http_->set_keep_alive_max_count(1000);
  // Headers and body go out in separate writes: with Nagle's algorithm
  // the body would wait for the client's delayed ACK (40 ms on Linux).
  // Set on the listening socket, it holds for every accepted one.
  http_->set_tcp_nodelay(true);
  http_->set_read_timeout(10);
  http_->set_write_timeout(10);
  // cpp-httplib's own options add SO_REUSEPORT, with which a second server
  // on the same port would start and share the traffic instead of failing.
  // Only SO_REUSEADDR here (a restart may reuse a port in TIME_WAIT); and
  // the listening socket is remembered for Bind.
  http_->set_socket_options([this](socket_t socket) {
    const int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_socket_ = socket;
  });
  Route();
}

Server::~Server() = default;

void Server::Route() {
  // A known path with another method is 405 (the router alone would say
  // 404), with the Allow header.
  http_->set_pre_routing_handler(
      [](const httplib::Request& req, httplib::Response& res) {
        const Endpoint* endpoint = FindEndpoint(req.path);
        if (!endpoint || req.method == endpoint->method ||
            (req.method == "HEAD" && endpoint->method == "GET")) {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        Send(ErrorResponse(405, req.method + " is not allowed on " + req.path +
                                    ": use " + std::string(endpoint->method)),
             res);
        res.set_header("Allow", std::string(endpoint->method));
        return httplib::Server::HandlerResponse::Handled;
      });
  http_->Get("/", [this](const httplib::Request&, httplib::Response& res) {
    res.set_content(page_, std::string(kHtml));
  });
  http_->Get("/healthz",
             [this](const httplib::Request&, httplib::Response& res) {
               Send(api_.Health(), res);
             });
  http_->Get("/v1/rules",
             [this](const httplib::Request&, httplib::Response& res) {
               Send(api_.Rules(), res);
             });
  http_->Post("/v1/extract", [this](const httplib::Request& req,
                                    httplib::Response& res) {
    Send(api_.Extract(req.body, req.get_param_value("format")), res);
  });
  http_->Get("/v1/search", [this](const httplib::Request& req,
                                  httplib::Response& res) {
    Send(api_.Search(Params(req.params.begin(), req.params.end())), res);
  });
  http_->Post("/v1/verify",
              [this](const httplib::Request& req, httplib::Response& res) {
                Send(api_.Verify(req.body), res);
              });
  // Errors of the router (404) and the transport (413, 400) become JSON
  // like the API's own.
  http_->set_error_handler(
      [this](const httplib::Request& req, httplib::Response& res) {
        if (res.body.empty()) {
          Send(ErrorResponse(res.status,
                             ErrorMessage(req, res.status, options_.max_body)),
               res);
        }
      });
  http_->set_exception_handler([](const httplib::Request&,
                                  httplib::Response& res,
                                  std::exception_ptr error) {
    std::string what = "unknown error";
    try {
      std::rethrow_exception(error);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    Send(ErrorResponse(500, "internal error: " + what), res);
  });
  http_->set_post_routing_handler(
      [](const httplib::Request& req, httplib::Response& res) {
        res.set_header("X-Content-Type-Options", "nosniff");
        if (req.path != "/")
          res.set_header("Content-Security-Policy", kApiPolicy);
      });
}

StatusOr<int> Server::Bind() {
  const int port =
      options_.port == 0
          ? http_->bind_to_any_port(options_.host)
          : (http_->bind_to_port(options_.host, options_.port) ? options_.port
                                                               : -1);
  if (port <= 0) {
    return Status::Error("cannot listen on " + options_.host + ":" +
                         std::to_string(options_.port));
  }
  // cpp-httplib listens with a backlog of 5: a burst of new connections
  // (64 at once from a load test, or a newsroom tool's pool) overflows it,
  // and each dropped SYN costs its client a retransmission, 1 to 7 s.
  // Listening again on the socket raises the backlog.
  if (listen_socket_ >= 0) ::listen(listen_socket_, SOMAXCONN);
  return port;
}

void Server::Listen() {
  if (!stopping_) http_->listen_after_bind();
}

void Server::Stop() {
  stopping_ = true;
  http_->stop();
}

}  // namespace whosaid::serve
