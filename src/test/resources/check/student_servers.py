# Servers the way students write them in the lab of "Sockets en Python" (Tema 4), each with one
# typical bug, for loomlab's tests of `loomlab check` (CheckStudentServersIT).
#
#   python3 student_servers.py KIND PORT
#
# PORT 0 lets the system choose; the first line printed is the port actually bound. "good-*" are
# correct; every other KIND has the one bug its comment names. They log nothing else.
import socket
import struct
import sys
import threading


def tcp(port):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(('127.0.0.1', port))
    s.listen(5)
    print(s.getsockname()[1], flush=True)
    return s


def read_number(conn):
    text = b''
    while True:
        byte = conn.recv(1)
        if not byte:
            raise ConnectionError('client closed mid-number')
        if byte == b'\0':
            return int(text.decode(), 10)
        text += byte


def compute(a, b, op):
    return a + b if op == 0 else a - b


def concurrent(port, worker):
    s = tcp(port)
    while True:
        conn, _ = s.accept()
        threading.Thread(target=worker, args=(conn,), daemon=True).start()


def calc_worker(reply_end, close=True):
    def worker(conn):
        try:
            a, b, op = read_number(conn), read_number(conn), read_number(conn)
            conn.sendall((str(compute(a, b, op)) + reply_end).encode())
            if not close:
                conn.recv(1)  # waits for the client, which waits for the close
        except (OSError, ValueError):
            pass
        finally:
            conn.close()
    return worker


def good_calc(port):
    concurrent(port, calc_worker('\0\0'))


def one_recv(port):
    # data = recv(1024) taken as the whole request: fine when it arrives in one piece only
    def worker(conn):
        try:
            a, b, op = conn.recv(1024).split(b'\0')[:3]
            conn.sendall((str(compute(int(a), int(b), int(op))) + '\0\0').encode())
        except (OSError, ValueError):
            pass
        finally:
            conn.close()
    concurrent(port, worker)


def one_nul(port):
    concurrent(port, calc_worker('\0'))  # str(res) + '\0', the second NUL forgotten


def no_close(port):
    concurrent(port, calc_worker('\0\0', close=False))


def serial_calc(port):
    # server_calc.py handed in for server_calc_conc.py: no thread per connection
    s = tcp(port)
    worker = calc_worker('\0\0')
    while True:
        conn, _ = s.accept()
        worker(conn)


def good_echo(port):
    def worker(conn):
        try:
            while True:
                data = conn.recv(16)
                if not data:
                    break
                conn.sendall(data)
        except OSError:
            pass
        finally:
            conn.close()
    concurrent(port, worker)


def echo_16(port):
    # one recv(16), sent back; the rest is read and dropped
    def worker(conn):
        try:
            conn.sendall(conn.recv(16))
            while conn.recv(1024):
                pass
        except OSError:
            pass
        finally:
            conn.close()
    concurrent(port, worker)


def echo_nul(port):
    # treats NUL as the end of the message and closes there
    def worker(conn):
        try:
            while True:
                byte = conn.recv(1)
                if not byte:
                    break
                conn.sendall(byte)
                if byte == b'\0':
                    break
        except OSError:
            pass
        finally:
            conn.close()
    concurrent(port, worker)


def udp(port, answer):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind(('127.0.0.1', port))
    print(s.getsockname()[1], flush=True)
    while True:
        data, addr = s.recvfrom(1024)
        s.sendto(answer(data), addr)


def good_udp(port):
    udp(port, lambda d: struct.pack('<I', compute(*struct.unpack('<III', d)) % 2**32))


def udp_big(port):
    # network order ('!'), where the lecture's client sends and expects the native 'III'
    udp(port, lambda d: struct.pack('!I', compute(*struct.unpack('!III', d)) % 2**32))


def udp_negative(port):
    # struct.pack('I', res) with res < 0: struct.error ends the server, as the lecture's does
    udp(port, lambda d: struct.pack('<I', compute(*struct.unpack('<III', d)) % 2**32
                                    if compute(*struct.unpack('<III', d)) >= 0
                                    else compute(*struct.unpack('<III', d))))


if __name__ == '__main__':
    kinds = {'good-calc': good_calc, 'one-recv': one_recv, 'one-nul': one_nul, 'no-close': no_close,
             'serial-calc': serial_calc, 'good-echo': good_echo, 'echo-16': echo_16, 'echo-nul': echo_nul,
             'good-udp': good_udp, 'udp-big': udp_big, 'udp-negative': udp_negative}
    kinds[sys.argv[1]](int(sys.argv[2]))
