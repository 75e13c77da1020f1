package dev.weft.bench.servers;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.DefaultFileRegion;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * Netty 4.1 the way its HTTP examples serve: epoll transport where available (NIO otherwise), one boss
 * thread and a worker group of {@code --loops N} event loops (without it Netty's default, 2 x cores),
 * {@code HttpServerCodec}, a hello response (on {@code /hello} and {@code /route} alike) from a shared
 * buffer (the HttpHelloWorldServer example) and files sent zero-copy with {@link DefaultFileRegion} (the
 * HttpStaticFileServer example, minus its directory listing). Only the two benchmark files can be named.
 */
public final class NettyBenchServer {

    private NettyBenchServer() {
    }

    public static void main(String[] argv) throws Exception {
        ServerArgs args = ServerArgs.parse(argv);
        boolean epoll = Epoll.isAvailable();
        EventLoopGroup boss = epoll ? new EpollEventLoopGroup(1) : new NioEventLoopGroup(1);
        int loops = args.intOption("loops", 0); // 0: Netty's default
        EventLoopGroup workers = epoll ? new EpollEventLoopGroup(loops) : new NioEventLoopGroup(loops);
        int workerCount = ((io.netty.util.concurrent.MultithreadEventExecutorGroup) workers).executorCount();
        Class<? extends ServerChannel> channel = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(channel)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpServerExpectContinueHandler(),
                                new BenchHandler(args.staticDir()));
                    }
                });
        ChannelFuture bound = bootstrap.bind(ServerArgs.HOST, args.port()).sync();
        ServerArgs.config("Netty " + io.netty.util.Version.identify().get("netty-transport").artifactVersion() + ", transport " + (epoll ? "epoll" : "NIO (epoll unavailable: " + Epoll.unavailabilityCause() + ")")
                + ", boss 1 thread, workers " + workerCount + " event loop(s)" + (loops == 0 ? " (Netty's default, 2 x cores)" : "")
                + ", SO_BACKLOG 1024, TCP_NODELAY, HttpServerCodec, "
                + "DefaultFileRegion for files");
        ServerArgs.ready();
        bound.channel().closeFuture().sync();
    }

    /** Answers {@code /hello}, {@code /route} and the static files; anything else is a 404. */
    private static final class BenchHandler extends SimpleChannelInboundHandler<HttpRequest> {
        private static final ByteBuf HELLO = Unpooled.unreleasableBuffer(
                Unpooled.copiedBuffer(ServerArgs.HELLO, StandardCharsets.UTF_8)).asReadOnly();
        private final Path staticDir;

        BenchHandler(Path staticDir) {
            super(false);
            this.staticDir = staticDir;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, HttpRequest request) throws Exception {
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            String uri = request.uri();
            if (uri.equals("/hello") || uri.equals(HelloApp.PATH)) {
                FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK,
                        HELLO.duplicate());
                response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN)
                        .setInt(HttpHeaderNames.CONTENT_LENGTH, HELLO.readableBytes());
                finish(ctx, ctx.writeAndFlush(response), keepAlive);
                return;
            }
            Path file = uri.startsWith("/static/") ? fileFor(uri.substring("/static/".length())) : null;
            if (file == null) {
                FullHttpResponse notFound = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NOT_FOUND);
                notFound.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
                finish(ctx, ctx.writeAndFlush(notFound), keepAlive);
                return;
            }
            RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r");
            long length = raf.length();
            DefaultHttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, file.toString().endsWith(".html")
                    ? "text/html" : "application/octet-stream").set(HttpHeaderNames.CONTENT_LENGTH, length);
            ctx.write(response);
            ctx.write(new DefaultFileRegion(raf.getChannel(), 0, length));
            finish(ctx, ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT), keepAlive);
        }

        /** A file directly in the static folder, by a plain name; null for anything else. */
        private Path fileFor(String name) {
            if (name.isEmpty() || name.contains("/") || name.contains("\\") || name.startsWith(".")) {
                return null;
            }
            Path file = staticDir.resolve(name);
            return Files.isRegularFile(file) ? file : null;
        }

        private static void finish(ChannelHandlerContext ctx, ChannelFuture written, boolean keepAlive) {
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}
