"""A small client of resolute.v1.ResolutionParserService for Python services.

Needs Debian's python3-grpcio (which brings python3-protobuf) and the modules
generated from proto/ by gen_stubs.sh on the import path:

    client = ResoluteClient("resolute:50051")
    try:
        response = client.parse(open("A_RES_78_100.txt", "rb").read(), document_id="A/RES/78/100")
        print(response.resolution.symbol)
    except grpc.RpcError as e:
        error = RichError.from_rpc_error(e)
        if error.reason == "CONTENT_NOT_UTF8":
            print("bad byte at", error.metadata["offset"])

Errors are AIP-193 rich errors: a google.rpc.Status whose details hold a
google.rpc.ErrorInfo (a stable `reason` in the domain "resolute.v1", with
metadata), a google.rpc.BadRequest naming the request field at fault, and a
google.rpc.RetryInfo on UNAVAILABLE. A unary call sends that Status in its
`grpc-status-details-bin` trailer; a stream sends it in each response's
`status`. RichError reads both the same way.
"""

import dataclasses
from typing import BinaryIO, Dict, Iterable, Iterator, List, Optional, Tuple

import grpc
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_health.v1 import health_pb2, health_pb2_grpc
from resolute.v1 import resolute_service_pb2, resolute_service_pb2_grpc

ERROR_DOMAIN = "resolute.v1"
SERVICE_NAME = "resolute.v1.ResolutionParserService"
_DETAILS_TRAILER = "grpc-status-details-bin"


@dataclasses.dataclass
class RichError:
    """A non-OK google.rpc.Status, decoded."""

    code: int  # google.rpc.Code (the same numbers as grpc.StatusCode)
    message: str  # for people; never parse it
    reason: str = ""  # google.rpc.ErrorInfo.reason: switch on this
    domain: str = ""
    metadata: Dict[str, str] = dataclasses.field(default_factory=dict)
    # (field, description) of each google.rpc.BadRequest field violation
    field_violations: List[Tuple[str, str]] = dataclasses.field(default_factory=list)
    retry_delay_seconds: Optional[float] = None  # google.rpc.RetryInfo, on UNAVAILABLE

    @property
    def code_name(self) -> str:
        return code_pb2.Code.Name(self.code)

    @classmethod
    def from_status(cls, status: status_pb2.Status) -> "RichError":
        """Decodes a google.rpc.Status (a stream response's `status`)."""
        error = cls(code=status.code, message=status.message)
        for detail in status.details:  # google.protobuf.Any, unpacked by type
            if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
                info = error_details_pb2.ErrorInfo()
                detail.Unpack(info)
                error.reason, error.domain = info.reason, info.domain
                error.metadata = dict(info.metadata)
            elif detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
                bad_request = error_details_pb2.BadRequest()
                detail.Unpack(bad_request)
                error.field_violations = [(v.field, v.description)
                                          for v in bad_request.field_violations]
            elif detail.Is(error_details_pb2.RetryInfo.DESCRIPTOR):
                retry = error_details_pb2.RetryInfo()
                detail.Unpack(retry)
                error.retry_delay_seconds = retry.retry_delay.ToTimedelta().total_seconds()
        return error

    @classmethod
    def from_rpc_error(cls, rpc_error: grpc.RpcError) -> "RichError":
        """Decodes a failed call's status from its `grpc-status-details-bin` trailer.

        (grpcio-status's grpc_status.rpc_status.from_call does the same; Debian
        does not package it.) A status without the trailer (from a proxy, or a
        deadline the client set) gives a RichError without a reason.
        """
        for key, value in rpc_error.trailing_metadata() or ():
            if key == _DETAILS_TRAILER:
                status = status_pb2.Status.FromString(value)
                if status.code != rpc_error.code().value[0]:
                    raise ValueError("grpc-status-details-bin disagrees with the call's code")
                return cls.from_status(status)
        return cls(code=rpc_error.code().value[0], message=rpc_error.details() or "")


class ResoluteClient:
    """resolute.v1.ResolutionParserService and grpc.health.v1.Health on one channel."""

    def __init__(self, target: str, timeout: float = 30.0,
                 credentials: Optional[grpc.ChannelCredentials] = None):
        # One channel per process: it multiplexes calls and reconnects by itself.
        options = [("grpc.max_receive_message_length", 64 * 1024 * 1024)]
        self._channel = (grpc.secure_channel(target, credentials, options) if credentials
                         else grpc.insecure_channel(target, options))
        self._parser = resolute_service_pb2_grpc.ResolutionParserServiceStub(self._channel)
        self._health = health_pb2_grpc.HealthStub(self._channel)
        self._timeout = timeout

    def close(self) -> None:
        self._channel.close()

    def __enter__(self) -> "ResoluteClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def wait_ready(self, timeout: float = 10.0) -> None:
        grpc.channel_ready_future(self._channel).result(timeout=timeout)

    def serving(self, service: str = SERVICE_NAME) -> bool:
        """grpc.health.v1.Health/Check: True if `service` ("" = the server) is SERVING."""
        response = self._health.Check(health_pb2.HealthCheckRequest(service=service),
                                      timeout=self._timeout)
        return response.status == health_pb2.HealthCheckResponse.SERVING

    def parse(self, content: bytes, document_id: str = "", language: str = "",
              omit_text: bool = True) -> resolute_service_pb2.ParseResolutionResponse:
        """ParseResolution: one document. Raises grpc.RpcError (see RichError)."""
        request = resolute_service_pb2.ParseResolutionRequest(
            document_id=document_id, content=content, language=language, omit_text=omit_text)
        return self._parser.ParseResolution(request, timeout=self._timeout)

    def parse_stream(self, documents: Iterable[Tuple[str, bytes]], omit_text: bool = True
                     ) -> Iterator[resolute_service_pb2.StreamParseResolutionsResponse]:
        """StreamParseResolutions: (document_id, content) pairs in, one response each out.

        Responses may come in another order than the requests: match them by
        `document_id` (or `request_index`). A bad document gets a non-OK
        `status` and does not end the stream; the call itself fails only for
        the whole stream (UNAVAILABLE when the server shuts down: send the
        documents not answered again).
        """
        requests = (resolute_service_pb2.StreamParseResolutionsRequest(
            document_id=document_id, content=content, omit_text=omit_text)
            for document_id, content in documents)
        # A stream's deadline covers all its documents: size it to the batch.
        return self._parser.StreamParseResolutions(requests, timeout=self._timeout * 10)

    def parse_archive(self, archive: BinaryIO, name: str = "", omit_text: bool = True,
                      chunk_bytes: int = 256 * 1024
                      ) -> Iterator[resolute_service_pb2.ParseArchiveResponse]:
        """ParseArchive: a tar, tar.gz or zip file streamed in chunks; one response per entry.

        An entry that cannot be parsed gets a non-OK `status`; limits on the
        whole archive end the call (RESOURCE_EXHAUSTED), and a server already
        reading its maximum of archives refuses it at once with UNAVAILABLE
        and a RetryInfo (RichError.retry_delay_seconds): retry later.
        """
        def messages():
            # First the options of the whole archive, then its bytes.
            yield resolute_service_pb2.ParseArchiveRequest(
                header=resolute_service_pb2.ParseArchiveRequest.Header(
                    archive_name=name, omit_text=omit_text))
            while True:
                data = archive.read(chunk_bytes)
                if not data:
                    return
                yield resolute_service_pb2.ParseArchiveRequest(data=data)
        return self._parser.ParseArchive(messages(), timeout=self._timeout * 10)
