# The lecture's TCP echo client (Tema 4, client_echo.py), restated for the end-to-end test:
# send a message ending in NUL, read one byte at a time until NUL, print what came back.
import socket
import sys

if len(sys.argv) < 3:
    print('Uso: client_echo <host> <port>')
    sys.exit(1)

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server = (sys.argv[1], int(sys.argv[2]))
print('connecting to {} port {}'.format(*server))
sock.connect(server)
try:
    sock.sendall(b'Esto es una cadena \0')
    text = ''
    while True:
        b = sock.recv(1)
        if b == b'\0':
            break
        text += b.decode()
    print('Recibido= ' + text)
finally:
    print('closing socket')
    sock.close()
