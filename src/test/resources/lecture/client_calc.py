# The lecture's TCP calc client (Tema 4, client_calc.py), restated for the end-to-end test:
# a, b and op as decimal text, each followed by NUL, sent in separate sendall calls; the result
# is read one byte at a time up to the first NUL and converted with int(text, 10).
import socket
import sys


def read_number(sock):
    text = ''
    while True:
        b = sock.recv(1)
        if b == b'\0':
            break
        text += b.decode()
    return int(text, 10)


if len(sys.argv) < 3:
    print('Uso: client_calc <host> <port>')
    sys.exit(1)

a, b, op = 5, 8, 1
if len(sys.argv) >= 6:
    a, b, op = int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server = (sys.argv[1], int(sys.argv[2]))
print('connecting to {} port {}'.format(*server))
sock.connect(server)
try:
    for n in (a, b, op):
        sock.sendall(str(n).encode())
        sock.sendall(b'\0')
    print(read_number(sock))
finally:
    print('closing socket')
    sock.close()
