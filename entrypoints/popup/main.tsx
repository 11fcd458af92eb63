import { render } from 'preact';
import '../../components/ui/style.css';
import { Popup } from '../../components/ui/Popup';

render(<Popup />, document.getElementById('app')!);
