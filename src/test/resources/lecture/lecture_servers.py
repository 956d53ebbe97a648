# Small stand-ins for the servers of the lecture "Sockets en Python" (Tema 4), used by loomlab's
# tests to check that loomlab's clients talk to Python servers written the lecture's way.
#
#   python3 lecture_servers.py echo|calc|udp-calc PORT
#
# PORT 0 lets the system choose; the first line printed is the port actually bound. The wire
# behaviour follows the slides: the echo server reads at most 16 bytes at a time and sends them
# back until the client closes; the TCP calc server reads three numbers one byte at a time up to
# a NUL each, converts them with int(text, 10) and answers str(result) followed by two NULs; the
# UDP calc server unpacks three native unsigned ints ("III") and answers one ("I"). Like the
# lecture's, they serve one client at a time and log nothing else.
import socket
import struct
import sys


def listen_tcp(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('127.0.0.1', port))
    s.listen(5)
    return s


def echo(port):
    s = listen_tcp(port)
    announce(s)
    while True:
        conn, _ = s.accept()
        with conn:
            while True:
                chunk = conn.recv(16)
                if not chunk:
                    break
                conn.sendall(chunk)


def number(conn):
    text = ''
    while True:
        byte = conn.recv(1)
        if byte == b'\0':
            return int(text, 10)
        if not byte:  # the slides' loop would spin here; stopping changes nothing on the wire
            raise ConnectionError('client closed mid-number')
        text += byte.decode()


def calc(port):
    s = listen_tcp(port)
    announce(s)
    while True:
        conn, _ = s.accept()
        with conn:
            a, b, op = number(conn), number(conn), number(conn)
            result = a + b if op == 0 else a - b
            conn.sendall((str(result) + '\0' + '\0').encode())


def udp_calc(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(('127.0.0.1', port))
    announce(s)
    while True:
        data, peer = s.recvfrom(1024)
        a, b, op = struct.unpack('III', data)
        result = a + b if op == 0 else a - b
        s.sendto(struct.pack('I', result), peer)


def announce(s):
    print(s.getsockname()[1], flush=True)


if __name__ == '__main__':
    {'echo': echo, 'calc': calc, 'udp-calc': udp_calc}[sys.argv[1]](int(sys.argv[2]))
