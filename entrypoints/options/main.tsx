import { render } from 'preact';
import '../../components/ui/style.css';
import { Options } from '../../components/ui/Options';

render(<Options />, document.getElementById('app')!);
